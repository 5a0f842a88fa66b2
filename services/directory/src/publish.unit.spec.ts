import { DIRECTORY_ACCOUNT_CONTRACTS, DIRECTORY_UNIT_CONTRACTS } from '@reform/contracts';
import { RecordedEvent, SYSTEM_ACTOR } from '@reform/event-store';
import { UnitEvent } from './domain/unit/unit.decider';
import { UNIT_EVENT_TYPES } from './read/units/units.projection';
import { publishDirectoryEvent } from './publish';

const recorded = (streamId: string, streamVersion: number, event: { type: string; data: unknown }): RecordedEvent => ({
  eventId: `00000000-0000-4000-8000-${String(streamVersion).padStart(12, '0')}`,
  streamId,
  streamVersion,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'c', causationId: null },
  recordedAt: new Date('2025-03-01T00:00:00Z'),
  globalPosition: { transactionId: '1', position: String(streamVersion) },
  hash: 'h',
  previousHash: null,
});

// One stored event of each type, as the decider writes them.
const contractOf = (type: string) => {
  const contract = DIRECTORY_UNIT_CONTRACTS.find((c) => c.eventType === type);
  if (!contract) throw new Error(`no contract for ${type}`);
  return contract;
};

const history: UnitEvent[] = [
  {
    type: 'UnitEstablished',
    data: { code: '519', name: 'Huyện Nông Sơn', type: 'Huyện', level: 'DISTRICT', kind: null, parentCode: '49', validFrom: '2008-04-08' },
  },
  { type: 'UnitRenamed', data: { name: 'Thị xã Nông Sơn', type: 'Thị xã', effectiveOn: '2020-01-01' } },
  { type: 'UnitTransferred', data: { parentCode: '48', effectiveOn: '2021-01-01' } },
  { type: 'EarlierParentRecorded', data: { parentCode: '47', until: '2010-01-01' } },
  { type: 'UnitReorganised', data: { name: 'Xã Quế Sơn', type: 'Xã', parentCode: '48', effectiveOn: '2022-01-01', source: 'NQ 1659/NQ-UBTVQH15' } },
  { type: 'UnitSplit', data: { intoCodes: ['519', '20443'], effectiveOn: '2023-01-01', source: 'NQ 1659/NQ-UBTVQH15' } },
  { type: 'UnitMerged', data: { intoCode: '509', effectiveOn: '2025-01-01', source: 'NQ 1318/NQ-UBTVQH15' } },
  { type: 'UnitDissolved', data: { effectiveOn: '2025-07-01' } },
  { type: 'UnitAliasesSet', data: { aliases: ['UBND huyện NS'] } },
];

describe('publishDirectoryEvent (what the relay sends)', () => {
  it('covers every unit event type with a contract', () => {
    expect(history.map((e) => e.type).sort()).toEqual([...UNIT_EVENT_TYPES].sort());
    expect(DIRECTORY_UNIT_CONTRACTS.map((c) => c.eventType).sort()).toEqual([...UNIT_EVENT_TYPES].sort());
  });

  it.each(history.map((event, i) => [event.type, event, i + 1] as const))(
    'publishes %s as its v1 contract, with the unit code, valid by the contract',
    (type, event, version) => {
      const message = publishDirectoryEvent(recorded('unit-519', version, event));
      expect(message).toMatchObject({ name: `directory.${type}`, version: 1, subject: `directory.unit.${type}`, eventId: expect.any(String) });
      expect(message?.metadata).toMatchObject({ stream: 'unit-519', streamVersion: version, tenant: 'platform' });
      expect(contractOf(type).validate(message?.data)).toMatchObject({ code: '519' });
    },
  );

  it('publishes agencies with their dotted code', () => {
    const message = publishDirectoryEvent(
      recorded('unit-513.PNV', 1, {
        type: 'UnitEstablished',
        data: { code: '513.PNV', name: 'Phòng Nội vụ', type: 'Phòng', level: 'AGENCY', kind: 'Phòng', parentCode: '513', validFrom: null },
      }),
    );
    expect(message?.data).toMatchObject({ code: '513.PNV', level: 'AGENCY', kind: 'Phòng' });
  });

  it('never lets a password hash leave the service', () => {
    expect(publishDirectoryEvent(recorded('account-1', 1, { type: 'AccountCreated', data: { passwordHash: 'x' } }))).toBeNull();
    expect(JSON.stringify(publishDirectoryEvent(recorded('account-1', 2, { type: 'PasswordChanged', data: { passwordHash: 'y' } })))).not.toContain('"y"');
  });

  it('a payload that breaks the contract is named by field', () => {
    expect(() => contractOf('UnitMerged').validate({ code: '519', intoCode: '509', effectiveOn: '1/1/2025' })).toThrow(/effectiveOn: must be a day YYYY-MM-DD/);
  });
});

const recordedAccountEvent = (streamId: string, type: string, data: unknown): RecordedEvent => ({
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

describe('what the directory publishes about accounts (ADR 0021)', () => {
  it('publishes a disablement, a revoked role and a changed password with the account id only: never a hash, a reason or a name', () => {
    const disabled = publishDirectoryEvent(recordedAccountEvent('account-a-7', 'AccountDisabled', { reason: 'Chuyển công tác' }));
    const revoked = publishDirectoryEvent(recordedAccountEvent('account-a-7', 'RoleRevoked', { role: 'UNIT_MANAGER', unitCode: '513' }));
    const password = publishDirectoryEvent(recordedAccountEvent('account-a-7', 'PasswordChanged', { passwordHash: 'scrypt$secret' }));
    expect([disabled?.name, disabled?.data]).toEqual(['directory.AccountDisabled', { accountId: 'a-7' }]);
    expect([revoked?.name, revoked?.data]).toEqual(['directory.RoleRevoked', { accountId: 'a-7', role: 'UNIT_MANAGER', unitCode: '513' }]);
    expect([password?.name, password?.data]).toEqual(['directory.PasswordChanged', { accountId: 'a-7' }]);
    for (const message of [disabled, revoked, password])
      expect(DIRECTORY_ACCOUNT_CONTRACTS.find((contract) => contract.name === message?.name)?.validate(message?.data)).toEqual(message?.data);
  });

  it('keeps the creation (with its password hash) and grants private', () => {
    expect(
      publishDirectoryEvent(recordedAccountEvent('account-a-7', 'AccountCreated', { accountId: 'a-7', username: 'x', passwordHash: 'scrypt$secret' })),
    ).toBeNull();
    expect(publishDirectoryEvent(recordedAccountEvent('account-a-7', 'RoleGranted', { role: 'VIEWER', unitCode: '49' }))).toBeNull();
  });
});
