import { DIRECTORY_ACCOUNT_CONTRACTS } from '@reform/contracts';
import { RecordedEvent } from '@reform/event-store';
import { publishDirectoryEvent } from './publish';

const recorded = (streamId: string, type: string, data: unknown): RecordedEvent => ({
  eventId: 'e-1',
  streamId,
  streamVersion: 2,
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: { accountId: 'a-0', username: 'doha', unitCode: '49' }, tenant: '49', correlationId: 'c-1', causationId: null },
  recordedAt: new Date('2026-01-01T00:00:00Z'),
  globalPosition: { transactionId: '1', position: '1' },
  hash: 'h',
  previousHash: null,
});

describe('what the directory publishes about accounts (ADR 0014)', () => {
  it('publishes a disablement, a revoked role and a changed password with the account id only: never a hash, a reason or a name', () => {
    const disabled = publishDirectoryEvent(recorded('account-a-7', 'AccountDisabled', { reason: 'Chuyển công tác' }));
    const revoked = publishDirectoryEvent(recorded('account-a-7', 'RoleRevoked', { role: 'UNIT_MANAGER', unitCode: '513' }));
    const password = publishDirectoryEvent(recorded('account-a-7', 'PasswordChanged', { passwordHash: 'scrypt$secret' }));
    expect([disabled?.name, disabled?.data]).toEqual(['directory.AccountDisabled', { accountId: 'a-7' }]);
    expect([revoked?.name, revoked?.data]).toEqual(['directory.RoleRevoked', { accountId: 'a-7', role: 'UNIT_MANAGER', unitCode: '513' }]);
    expect([password?.name, password?.data]).toEqual(['directory.PasswordChanged', { accountId: 'a-7' }]);
    for (const message of [disabled, revoked, password]) expect(DIRECTORY_ACCOUNT_CONTRACTS.find((contract) => contract.name === message?.name)?.validate(message?.data)).toEqual(message?.data);
  });

  it('keeps the creation (with its password hash) and grants private', () => {
    expect(publishDirectoryEvent(recorded('account-a-7', 'AccountCreated', { accountId: 'a-7', username: 'x', passwordHash: 'scrypt$secret' }))).toBeNull();
    expect(publishDirectoryEvent(recorded('account-a-7', 'RoleGranted', { role: 'VIEWER', unitCode: '49' }))).toBeNull();
  });
});
