import { domainEventOf, RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, toIntegrationMessage, validatedMessage } from '@reform/messaging';
import {
  DIRECTORY_ACCOUNT_CONTRACTS,
  EarlierParentRecordedV1,
  IntegrationEventContract,
  UnitAliasesSetV1,
  UnitDissolvedV1,
  UnitEstablishedV1,
  UnitMergedV1,
  UnitReorganisedV1,
  UnitRenamedV1,
  UnitSplitV1,
  UnitTransferredV1,
} from '@reform/contracts';
import { assertNever } from '@reform/decider';
import { UnitEvent } from './domain/unit/unit-events';

const accountContracts = new Map(DIRECTORY_ACCOUNT_CONTRACTS.map((contract) => [contract.eventType, contract]));

/**
 * Which stored events leave the directory, and as what. Unit events are published with the
 * unit's code added. Of account events only what takes access away leaves (disabled, role
 * revoked, password changed), with the account id and nothing else: never a hash, a reason or a
 * name (ADR 0021).
 */
export function publishDirectoryEvent(event: RecordedEvent): IntegrationMessage | null {
  if (event.streamId.startsWith('unit-')) return publishedUnitEvent(event, domainEventOf<UnitEvent>(event), event.streamId.slice('unit-'.length));
  if (event.streamId.startsWith('account-')) {
    const contract = accountContracts.get(event.type);
    if (!contract) return null;
    const accountId = event.streamId.slice('account-'.length);
    const data = event.data as { role?: string; unitCode?: string };
    return toIntegrationMessage(event, contract, event.type === 'RoleRevoked' ? { accountId, role: data.role, unitCode: data.unitCode } : { accountId });
  }
  return null;
}

const sourced = (source: string | undefined) => (source === undefined ? {} : { source });

/** A stored unit event as its published contract, field by field, with the unit's code; validated. */
function publishedUnitEvent(recorded: RecordedEvent, event: UnitEvent, code: string): IntegrationMessage {
  const message = <Data>(contract: IntegrationEventContract<Data>, payload: NoInfer<Data>) => validatedMessage(recorded, contract, payload);
  switch (event.type) {
    case 'UnitEstablished': {
      const { name, type, level, kind, parentCode, validFrom, aliases } = event.data;
      return message(UnitEstablishedV1, { code, name, type, level, kind, parentCode, validFrom, ...(aliases ? { aliases: [...aliases] } : {}) });
    }
    case 'UnitRenamed':
      return message(UnitRenamedV1, { code, name: event.data.name, type: event.data.type, effectiveOn: event.data.effectiveOn });
    case 'UnitTransferred':
      return message(UnitTransferredV1, { code, parentCode: event.data.parentCode, effectiveOn: event.data.effectiveOn });
    case 'UnitMerged':
      return message(UnitMergedV1, { code, intoCode: event.data.intoCode, effectiveOn: event.data.effectiveOn, ...sourced(event.data.source) });
    case 'UnitDissolved':
      return message(UnitDissolvedV1, { code, effectiveOn: event.data.effectiveOn, ...sourced(event.data.source) });
    case 'EarlierParentRecorded':
      return message(EarlierParentRecordedV1, { code, parentCode: event.data.parentCode, until: event.data.until });
    case 'UnitAliasesSet':
      return message(UnitAliasesSetV1, { code, aliases: [...event.data.aliases] });
    case 'UnitReorganised': {
      const { name, type, parentCode, effectiveOn, source } = event.data;
      return message(UnitReorganisedV1, { code, name, type, parentCode, effectiveOn, source });
    }
    case 'UnitSplit':
      return message(UnitSplitV1, { code, intoCodes: event.data.intoCodes, effectiveOn: event.data.effectiveOn, source: event.data.source });
    default:
      return assertNever(event, 'unit event');
  }
}
