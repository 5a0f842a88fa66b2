import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { eventStoreMigrations, EventStoreModule } from '@reform/event-store';
import { InProcessBus, MessageBus, messagingMigrations, MessagingModule } from '@reform/messaging';
import { createTestDatabase, eventually, TestDatabase } from '@reform/testing';
import { publishUnitFact, publishUnits, TEST_PROVINCE } from '../testing/publish-units';
import { UnitHierarchyModule, unitHierarchyMigrations } from './unit-hierarchy.module';
import { UNIT_HIERARCHY, UnitHierarchy } from './unit-hierarchy.port';
import { unitAncestryFrom } from './postgres-unit-hierarchy';
import { FixedClock } from '@reform/clock';

const SCHEMA = 'replica';

describe('a service’s copy of the unit hierarchy, fed by the directory’s unit events', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let bus: MessageBus;
  let hierarchy: UnitHierarchy;

  beforeAll(async () => {
    database = await createTestDatabase('unitreplica');
    bus = new InProcessBus();
    @Module({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.url,
          migrations: [...eventStoreMigrations(SCHEMA), ...messagingMigrations(SCHEMA), ...unitHierarchyMigrations(SCHEMA)],
          migrationsRun: true,
        }),
        EventStoreModule.forService(SCHEMA),
        MessagingModule.forService({ bus, service: 'replica', schema: SCHEMA }),
        // Answers believed for a minute: what this file sees of a change, it sees because the replica applied it.
        UnitHierarchyModule.forService({ schema: SCHEMA, freshMs: 60_000 }),
      ],
    })
    class AppModule {}
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    await app.init();
    hierarchy = app.get(UNIT_HIERARCHY);
    await publishUnits(bus, TEST_PROVINCE);
  });

  afterAll(async () => {
    await app.close();
    await bus.close();
    await database.drop();
  });

  it('answers children, descendants by level and kind, and ancestry on a day', async () => {
    await eventually(async () => expect((await hierarchy.existing(TEST_PROVINCE.map((unit) => unit.code))).size).toBe(TEST_PROVINCE.length));
    const day = '2021-03-01';
    expect((await hierarchy.descendants('513', day, { level: 'COMMUNE' })).map((unit) => unit.code)).toEqual(['20794', '20797', '20800']);
    expect((await hierarchy.descendants('49', day, { kind: 'Công an' })).map((unit) => unit.code)).toEqual(['20794.CA', '513.CA']);
    expect((await hierarchy.children('513', day, { level: 'AGENCY' })).map((unit) => unit.name)).toEqual([
      'Công an huyện Thăng Bình',
      'Phòng Nội vụ',
      'Phòng Tư pháp',
    ]);
    expect((await hierarchy.ancestry('20794.CA', day)).map((unit) => unit.code)).toEqual(['20794.CA', '20794', '513', '49']);
    expect(await hierarchy.unit('20794', day)).toMatchObject({ name: 'Thị trấn Hà Lam', level: 'COMMUNE', parentCode: '513', day });
    // The roll-ups' walk up: each unit's parent on the day, up to the root asked about and not above it.
    expect(Object.fromEntries(await hierarchy.parentsUpTo('513', ['20794.CA', '20797', '513.CA'], day))).toEqual({
      '20794.CA': '20794',
      '20794': '513',
      '20797': '513',
      '513.CA': '513',
      '513': '49',
    });
    expect(Object.fromEntries(await hierarchy.parentsUpTo('49', ['20800'], day))).toEqual({ '20800': '513', '513': '49', '49': null });
    expect(await hierarchy.parentsUpTo('49', ['no-such-unit'], day)).toEqual(new Map());
  });

  it('follows renames, transfers and mergers in valid time, and ignores a redelivered fact', async () => {
    await publishUnitFact(bus, 'UnitTransferred', '20800', 2, { parentCode: '514', effectiveOn: '2022-01-01' });
    await publishUnitFact(bus, 'UnitRenamed', '20797', 2, { name: 'Thị trấn Bình Dương', type: 'Thị trấn', effectiveOn: '2023-01-01' });
    await publishUnitFact(bus, 'UnitMerged', '20836', 2, { intoCode: '20833', effectiveOn: '2024-01-01' });
    // The same fact again (a redelivery under another event id): its version is known, so skipped.
    await publishUnitFact(bus, 'UnitRenamed', '20797', 2, { name: 'Xã Đổi Tên Sai', type: 'Xã', effectiveOn: '2023-06-01' });
    await eventually(async () => expect(await hierarchy.unit('20836', '2024-06-01')).toBeNull());
    expect((await hierarchy.children('513', '2021-12-31', { level: 'COMMUNE' })).map((unit) => unit.code)).toEqual(['20794', '20797', '20800']);
    expect((await hierarchy.children('513', '2022-01-01', { level: 'COMMUNE' })).map((unit) => unit.code)).toEqual(['20794', '20797']);
    expect((await hierarchy.unit('20797', '2022-12-31'))?.name).toBe('Xã Bình Dương');
    expect((await hierarchy.unit('20797', '2025-01-01'))?.name).toBe('Thị trấn Bình Dương');
    expect(await hierarchy.lastKnown('20836')).toMatchObject({ code: '20836', mergedInto: '20833', validTo: '2024-01-01', day: '2023-12-31' });
    // Many at once, as one at a time (the plan tree asks for a province's ended units together).
    const many = await hierarchy.lastKnownMany(['20836', '20800', 'unknown']);
    expect([...many.keys()].sort()).toEqual(['20800', '20836']);
    expect(many.get('20836')).toEqual(await hierarchy.lastKnown('20836'));
    expect(many.get('20800')).toMatchObject({ parentCode: '514' });
    expect(await hierarchy.inForce(['20836', '20833', '20800', 'unknown'], '2024-06-01')).toEqual(new Set(['20833', '20800']));
    expect(await hierarchy.inForce(['20836'], '2023-06-01')).toEqual(new Set(['20836']));
    const periods = await app.get(EntityManager).query(`SELECT count(*)::int AS n FROM replica.unit_periods WHERE code = '20797'`);
    expect(periods).toEqual([{ n: 2 }]);
  });

  it('gives the access guard today’s ancestry, an ended unit its last place and its successor (lineage in effect), and tells what is in force', async () => {
    const access = unitAncestryFrom(hierarchy, new FixedClock('2024-12-31T17:30:00Z')); // 00:30 on 2025-01-01 in Viet Nam
    expect(await access.ancestry('20794')).toEqual(['20794', '513', '49']);
    // A role at 20833, which took 20836 in, covers 20836's records.
    expect(await access.ancestry('20836')).toEqual(['20836', '514', '49', '20833']);
    expect(await access.ancestry('99999')).toBeNull();
    expect(await access.inForce('20836')).toBe(false);
    expect(await access.inForce('20833')).toBe(true);
    // Before the merger took effect, the future partner is not in the chain.
    expect(await unitAncestryFrom(hierarchy, new FixedClock('2023-12-31T03:00:00Z')).ancestry('20836')).toEqual(['20836', '514', '49']);
    expect(await hierarchy.predecessors('20833')).toEqual(['20836']);
  });

  it('remembers a unit and its parent on a day for the requests after, and forgets them when the replica applies a fact', async () => {
    const manager = app.get(EntityManager);
    const day = '2021-03-01';
    expect((await hierarchy.unit('20794', day))?.name).toBe('Thị trấn Hà Lam');
    expect((await hierarchy.parentsUpTo('513', ['20794'], day)).get('20794')).toBe('513');
    expect((await hierarchy.lastKnown('20794'))?.name).toBe('Thị trấn Hà Lam');
    // Changed behind the replica's back (as another process would): the remembered answers stand.
    await manager.query(`UPDATE replica.unit_periods SET name = 'Thị trấn Khác', parent_code = '514' WHERE code = '20794'`);
    expect((await hierarchy.unit('20794', day))?.name).toBe('Thị trấn Hà Lam');
    expect((await hierarchy.ancestry('20794', day)).map((unit) => unit.code)).toEqual(['20794', '513', '49']);
    expect((await hierarchy.parentsUpTo('513', ['20794'], day)).get('20794')).toBe('513');
    expect((await hierarchy.lastKnown('20794'))?.name).toBe('Thị trấn Hà Lam');
    // The replica applies a fact, of another unit: what was remembered is forgotten.
    await publishUnitFact(bus, 'UnitRenamed', '20800', 3, { name: 'Xã Mới', type: 'Xã', effectiveOn: '2026-01-01' });
    await eventually(async () => expect((await hierarchy.unit('20794', day))?.name).toBe('Thị trấn Khác'));
    expect((await hierarchy.parentsUpTo('49', ['20794'], day)).get('20794')).toBe('514');
    expect((await hierarchy.lastKnown('20794'))?.name).toBe('Thị trấn Khác');
  });
});
