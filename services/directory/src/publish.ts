import { RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, toIntegrationMessage } from '@reform/messaging';
import { DIRECTORY_UNIT_CONTRACTS } from '@reform/contracts';

const byEventType = new Map(DIRECTORY_UNIT_CONTRACTS.map((contract) => [contract.eventType, contract]));

/**
 * Which stored events leave the directory, and as what. Unit events are published with the
 * unit's code added; account events stay private (password hashes never leave the service).
 */
export function publishDirectoryEvent(event: RecordedEvent): IntegrationMessage | null {
  const contract = byEventType.get(event.type);
  if (!contract || !event.streamId.startsWith('unit-')) return null;
  const code = event.streamId.slice('unit-'.length);
  return toIntegrationMessage(event, contract, { ...(event.data as object), code });
}
