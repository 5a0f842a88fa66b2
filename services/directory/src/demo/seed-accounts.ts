import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Role } from '@reform/access';
import { hashPassword } from '@reform/auth';
import { EVENT_STORE, PostgresEventStore, project, StreamAppend, SYSTEM_ACTOR } from '@reform/event-store';
import { AccountEvent, accountDecider, accountStreamId } from '../domain/account/account.decider';
import { accountsProjection } from '../read/accounts/accounts.projection';
import { AccountDirectory } from '../read/accounts/account-directory';
import { UnitDirectory, UnitView } from '../read/units/unit-directory';
import { DEMO_PROVINCES, TWO_TIER_DEMO_PROVINCE } from './seed-demo';

export const DEMO_PASSWORD = 'demo';

interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly unitCode: string;
  readonly role: Role;
  readonly roleAt: string;
}

/**
 * The demo accounts of API.md, embedded mode only, all with the password `demo`:
 * `doha` (Sở Nội vụ Quảng Nam, platform administrator at 49), `d<district>` (the district's
 * Phòng Nội vụ, manager at the district), `c<commune>` (the commune's people's committee,
 * manager at the commune) for every district and commune of the demo provinces, and `auditor`
 * (Thanh tra tỉnh Quảng Nam, auditor at 49), `auditor46` (Thanh tra tỉnh Thừa Thiên Huế, auditor at
 * 46: the scoring scenario of seed 003 is in Huế). Idempotent.
 */
export async function seedDemoAccounts(app: INestApplication, today: string): Promise<{ accounts: number }> {
  const units = app.get(UnitDirectory);
  const wanted: DemoAccount[] = [
    { username: 'doha', displayName: 'Sở Nội vụ tỉnh Quảng Nam', unitCode: '49.SNV', role: 'PLATFORM_ADMIN', roleAt: '49' },
    { username: 'auditor', displayName: 'Thanh tra tỉnh Quảng Nam', unitCode: '49.TTR', role: 'AUDITOR', roleAt: '49' },
    { username: 'auditor46', displayName: 'Thanh tra tỉnh Thừa Thiên Huế', unitCode: '46.TTR', role: 'AUDITOR', roleAt: '46' },
  ];
  for (const province of DEMO_PROVINCES) {
    const districts = await units.units({ parentCode: province, agencies: false }, today);
    for (const district of districts) {
      wanted.push({
        username: `d${district.code}`,
        displayName: `Phòng Nội vụ ${placeOf(district)}`,
        unitCode: `${district.code}.PNV`,
        role: 'UNIT_MANAGER',
        roleAt: district.code,
      });
      for (const commune of await units.units({ parentCode: district.code, agencies: false }, today)) {
        wanted.push({
          username: `c${commune.code}`,
          displayName: `UBND ${placeOf(commune)}`,
          unitCode: commune.code,
          role: 'UNIT_MANAGER',
          roleAt: commune.code,
        });
      }
    }
  }
  return createMissing(app, wanted);
}

/**
 * The two-tier side (from 2025-07-01, `day` on or after it): `danang` (Sở Nội vụ of the new Đà
 * Nẵng, platform administrator at 48) and `c<code>` for each of its 94 communes, wards and the
 * special zone, manager at it. A commune that kept its code keeps its account. Idempotent.
 */
export async function seedTwoTierAccounts(app: INestApplication, day: string): Promise<{ accounts: number }> {
  const units = app.get(UnitDirectory);
  const wanted: DemoAccount[] = [
    {
      username: 'danang',
      displayName: 'Sở Nội vụ thành phố Đà Nẵng',
      unitCode: `${TWO_TIER_DEMO_PROVINCE}.SNV`,
      role: 'PLATFORM_ADMIN',
      roleAt: TWO_TIER_DEMO_PROVINCE,
    },
  ];
  for (const commune of await units.units({ parentCode: TWO_TIER_DEMO_PROVINCE, agencies: false }, day)) {
    wanted.push({ username: `c${commune.code}`, displayName: `UBND ${placeOf(commune)}`, unitCode: commune.code, role: 'UNIT_MANAGER', roleAt: commune.code });
  }
  return createMissing(app, wanted);
}

async function createMissing(app: INestApplication, wanted: readonly DemoAccount[]): Promise<{ accounts: number }> {
  const units = app.get(UnitDirectory);
  const accounts = app.get(AccountDirectory);
  const store = app.get<PostgresEventStore>(EVENT_STORE);
  const existingUnits = await units.existing(wanted.map((account) => account.unitCode));
  // One query for every username, not one round trip each: this runs at every start.
  const taken = await accounts.takenUsernames(wanted.map((account) => account.username));
  const missing = wanted.filter((account) => existingUnits.has(account.unitCode) && !taken.has(account.username));
  if (missing.length === 0) return { accounts: 0 };
  // One hash for all demo accounts: they share the password, and hashing 600 times costs seconds.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const batch: StreamAppend[] = missing.map((account) => {
    const accountId = randomUUID();
    const created = accountDecider.decide(
      {
        type: 'CreateAccount',
        data: {
          accountId,
          username: account.username,
          displayName: account.displayName,
          unitCode: account.unitCode,
          passwordHash,
          usernameTaken: false,
          unitExists: true,
        },
      },
      accountDecider.initialState,
    );
    const granted = accountDecider.decide(
      { type: 'GrantRole', data: { role: account.role, unitCode: account.roleAt, unitExists: true } },
      created.reduce(accountDecider.evolve, accountDecider.initialState),
    );
    return { streamId: accountStreamId(accountId), expectedVersion: 0, events: [...created, ...granted] as AccountEvent[] };
  });
  await store.transaction(async ({ store: tx, manager }) => {
    const recorded = await tx.appendMany(batch, { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'demo-accounts', causationId: null });
    await project([accountsProjection], recorded, manager);
  });
  return { accounts: missing.length };
}

function placeOf(unit: UnitView): string {
  return unit.name.charAt(0).toLowerCase() + unit.name.slice(1);
}
