import { INestApplication } from '@nestjs/common';
import { EVENT_STORE, EventMetadata, PostgresEventStore, SYSTEM_ACTOR } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { UnitCommand } from '../domain/unit/unit.decider';
import { UnitDirectory, UnitView } from '../read/units/unit-directory';
import { executeUnitCommands } from '../write/common/unit-commands';
import { placeOf, STANDARD_BODIES } from '@reform/unit-hierarchy';

const metadata = (what: string): EventMetadata => ({ actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: `demo-${what}`, causationId: null });

/**
 * Nông Sơn (519, Quảng Nam) issued seed 000 in 2020 and was merged into Quế Sơn (509) on
 * 2025-01-01 (data/nong-son-history.md). The 2025 list has its communes under 509 already;
 * this records the history before that so the 2020 plan still finds its issuer and communes.
 */
const NONG_SON_MERGER = '2025-01-01';

function nongSonHistory(): Array<{ code: string; command: UnitCommand }> {
  const merger = NONG_SON_MERGER;
  return [
    // Established by Nghị định 42/2008/NĐ-CP (8 April 2008), split from Quế Sơn.
    {
      code: '519',
      command: {
        type: 'EstablishUnit',
        data: {
          code: '519',
          name: 'Huyện Nông Sơn',
          type: 'Huyện',
          level: 'DISTRICT',
          kind: null,
          parentCode: '49',
          validFrom: '2008-04-08',
          parentExists: true,
        },
      },
    },
    { code: '519', command: { type: 'MergeUnit', data: { intoCode: '509', effectiveOn: merger, intoExists: true } } },
    ...['20656', '20668', '20669', '20671', '20692'].map((code) => ({
      code,
      command: { type: 'RecordEarlierParent' as const, data: { parentCode: '519', until: merger, parentExists: true } },
    })),
    // Sơn Viên is absent from the 2025 list; Nghị quyết 1318/NQ-UBTVQH15 merged it into Quế Lộc.
    {
      code: '20672',
      command: {
        type: 'EstablishUnit',
        data: { code: '20672', name: 'Xã Sơn Viên', type: 'Xã', level: 'COMMUNE', kind: null, parentCode: '519', validFrom: null, parentExists: true },
      },
    },
    { code: '20672', command: { type: 'MergeUnit', data: { intoCode: '20671', effectiveOn: merger, intoExists: true } } },
  ];
}

/** The standard bodies of each level (libs/unit-hierarchy's catalogue), codes `<unit>.<ABBR>`. */
export const STANDARD_OFFICES = STANDARD_BODIES;

const place = placeOf;

/** Provinces whose units issued the seed plans: Quảng Nam, Hà Giang, Huế. */
export const DEMO_PROVINCES = ['49', '02', '46'];

/**
 * The demo's old structure is seeded as on its last day: from 2025-07-01 districts are gone and
 * Quảng Nam is part of Đà Nẵng (data/README-2025-07.md).
 */
export const OLD_STRUCTURE_DAY = '2025-06-30';

/** The new Đà Nẵng (48, with Quảng Nam since 2025-07-01): the demo's two-tier province. */
export const TWO_TIER_DEMO_PROVINCE = '48';

/**
 * Demo data of the embedded mode, on top of the national list: Nông Sơn's history, the standard
 * offices of every province, district and commune of the seeds' provinces, and the offices of
 * Nông Sơn and Sơn Viên until their merger. Idempotent: what exists is left alone.
 */
export async function seedDirectoryDemo(app: INestApplication, today: string): Promise<{ events: number }> {
  const store = app.get<PostgresEventStore>(EVENT_STORE);
  const directory = app.get(UnitDirectory);
  let events = 0;
  if (!(await directory.existing(['519'])).has('519')) events += (await executeUnitCommands(store, nongSonHistory(), metadata('nong-son'))).length;

  const commands: Array<{ code: string; command: UnitCommand }> = [];
  // Đà Nẵng's provincial offices before the reorganisation too: Quảng Nam's merge into them.
  const daNang = await directory.unit(TWO_TIER_DEMO_PROVINCE, today, today);
  if (daNang) commands.push(...officesOf(daNang));
  for (const provinceCode of DEMO_PROVINCES) {
    const province = await directory.unit(provinceCode, today, today);
    if (!province) continue;
    const districts = await directory.units({ parentCode: provinceCode, agencies: false }, today);
    const communes = (await Promise.all(districts.map((d) => directory.units({ parentCode: d.code, agencies: false }, today)))).flat();
    for (const unit of [province, ...districts, ...communes]) commands.push(...officesOf(unit));
  }
  const existing = await directory.existing(commands.map((c) => c.code));
  events += (
    await executeUnitCommands(
      store,
      commands.filter((c) => !existing.has(c.code)),
      metadata('offices'),
    )
  ).length;
  // Offices recorded before aliases existed get the catalogue's; aliases an administrator set stay.
  const aliases = await directory.aliasesOf(commands.filter((c) => existing.has(c.code)).map((c) => c.code));
  const withoutAliases = commands.flatMap(({ code, command }) =>
    command.type === 'EstablishUnit' && command.data.aliases?.length && aliases.get(code)?.length === 0
      ? [{ code, command: { type: 'SetUnitAliases' as const, data: { aliases: command.data.aliases } } }]
      : [],
  );
  events += (await executeUnitCommands(store, withoutAliases, metadata('office-aliases'))).length;
  events += (await executeUnitCommands(store, await endedUnitsOffices(directory), metadata('nong-son-offices'))).length;
  if (events) app.get(RelayControl).nudge();
  return { events };
}

function officesOf(unit: UnitView, validFrom: string | null = null): Array<{ code: string; command: UnitCommand }> {
  return STANDARD_OFFICES[unit.level as 'PROVINCE' | 'DISTRICT' | 'COMMUNE'].map((o) => {
    const code = `${unit.code}.${o.abbreviation}`;
    return {
      code,
      command: {
        type: 'EstablishUnit',
        data: {
          code,
          name: o.name(place(unit)),
          type: o.kind,
          level: 'AGENCY',
          kind: o.kind,
          parentCode: unit.code,
          validFrom,
          parentExists: true,
          aliases: [...o.aliases],
        },
      },
    };
  });
}

/**
 * The two-tier side of the demo, after the reorganisation: the offices of the new Đà Nẵng's
 * communes, wards and special zone that have none yet (a commune that kept its code kept its
 * offices), from the day of the reorganisation. Idempotent.
 */
export async function seedTwoTierDemo(app: INestApplication, day: string): Promise<{ events: number }> {
  const store = app.get<PostgresEventStore>(EVENT_STORE);
  const directory = app.get(UnitDirectory);
  const communes = await directory.units({ parentCode: TWO_TIER_DEMO_PROVINCE, agencies: false }, day);
  const commands = communes.flatMap((commune) => officesOf(commune, day));
  const existing = await directory.existing(commands.map((c) => c.code));
  const events = (
    await executeUnitCommands(
      store,
      commands.filter((c) => !existing.has(c.code)),
      metadata('two-tier-offices'),
    )
  ).length;
  if (events) app.get(RelayControl).nudge();
  return { events };
}

/**
 * The offices of the units that ended on 2025-01-01 (Nông Sơn and Sơn Viên), so that seed 000's
 * lead units (Phòng Nội vụ, Văn phòng HĐND và UBND huyện Nông Sơn...) exist as of 2020. Each is
 * recorded as merged into the same office of the receiving unit (509, 20671) on that day: a demo
 * simplification of the reorganisation, which the sources do not detail office by office.
 * Runs after the current offices so that the receiving offices exist; skips what exists.
 */
async function endedUnitsOffices(directory: UnitDirectory): Promise<Array<{ code: string; command: UnitCommand }>> {
  const ended = [
    { code: '519', into: '509', validFrom: '2008-04-08' },
    { code: '20672', into: '20671', validFrom: null },
  ];
  const commands: Array<{ code: string; command: UnitCommand; into: string }> = [];
  for (const { code, into, validFrom } of ended) {
    const unit = await directory.unit(code, null, NONG_SON_MERGER);
    if (!unit || unit.level === 'AGENCY' || unit.level === 'PROVINCE') continue;
    for (const o of STANDARD_OFFICES[unit.level]) {
      const office = `${code}.${o.abbreviation}`;
      const data = {
        code: office,
        name: o.name(place(unit)),
        type: o.kind,
        level: 'AGENCY' as const,
        kind: o.kind,
        parentCode: code,
        validFrom,
        parentExists: true,
        aliases: [...o.aliases],
      };
      commands.push({ code: office, into: `${into}.${o.abbreviation}`, command: { type: 'EstablishUnit', data } });
    }
  }
  const known = await directory.existing(commands.flatMap((c) => [c.code, c.into]));
  return commands
    .filter((c) => !known.has(c.code))
    .flatMap(({ code, command, into }) => [
      { code, command },
      { code, command: { type: 'MergeUnit' as const, data: { intoCode: into, effectiveOn: NONG_SON_MERGER, intoExists: known.has(into) } } },
    ]);
}
