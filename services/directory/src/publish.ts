import { RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, toIntegrationMessage } from '@reform/messaging';
import { DIRECTORY_ACCOUNT_CONTRACTS, DIRECTORY_UNIT_CONTRACTS } from '@reform/contracts';

const unitContracts = new Map(DIRECTORY_UNIT_CONTRACTS.map((contract) => [contract.eventType, contract]));
const accountContracts = new Map(DIRECTORY_ACCOUNT_CONTRACTS.map((contract) => [contract.eventType, contract]));

/**
 * Which stored events leave the directory, and as what. Unit events are published with the
 * unit's code added. Of account events only what takes access away leaves (disabled, role
 * revoked, password changed), with the account id and nothing else: never a hash, a reason or a
 * name (ADR 0021).
 */
export function publishDirectoryEvent(event: RecordedEvent): IntegrationMessage | null {
  if (event.streamId.startsWith('unit-')) {
    const contract = unitContracts.get(event.type);
    return contract ? toIntegrationMessage(event, contract, { ...(event.data as object), code: event.streamId.slice('unit-'.length) }) : null;
  }
  if (event.streamId.startsWith('account-')) {
    const contract = accountContracts.get(event.type);
    if (!contract) return null;
    const accountId = event.streamId.slice('account-'.length);
    const data = event.data as { role?: string; unitCode?: string };
    return toIntegrationMessage(event, contract, event.type === 'RoleRevoked' ? { accountId, role: data.role, unitCode: data.unitCode } : { accountId });
  }
  return null;
}
