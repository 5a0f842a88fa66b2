import { Identity } from '@reform/access';
import { UnitFate } from '../../domain/account/account.decider';
import { AccountUnits, AccountWriter, ExistingAccount } from '../common/account-writer';

/**
 * The recorded act that carries an account across a reorganisation (ADR 0019): the fate of each
 * unit the account names, as its stream says (its unit and grants), is looked up today.
 */
export async function carryAccountAcrossReorganisation(
  accounts: AccountWriter,
  identity: Identity,
  username: string,
  toUnitCode: string | null,
): Promise<ExistingAccount> {
  const today = accounts.today();
  if (toUnitCode) await accounts.assertAdminister(identity, toUnitCode);
  return accounts.administer(identity, username, async (account) => {
    const units: Record<string, UnitFate> = {};
    for (const code of new Set([account.unitCode, ...account.roles.map((grant) => grant.unitCode)])) units[code] = await fateOf(accounts.units, code, today);
    return {
      type: 'CarryAcrossReorganisation',
      data: { units, toUnitCode: toUnitCode ?? null, toUnitInForce: toUnitCode ? (await accounts.units.unit(toUnitCode, today, today)) !== null : false },
    };
  });
}

/** In force today, or ended: the unit in force that took the whole of it (following mergers), if any. */
async function fateOf(units: AccountUnits, code: string, today: string): Promise<UnitFate> {
  if (await units.unit(code, today, today)) return { inForce: true };
  const ended = await units.unit(code, null, today);
  let successor: string | null = null;
  for (let next = ended, steps = 0; next?.mergedInto && !successor && steps < 5; steps++) {
    const into = await units.unit(next.mergedInto, today, today);
    if (into) successor = into.code;
    else next = await units.unit(next.mergedInto, null, today);
  }
  return { inForce: false, successor, source: ended?.endSource ?? null };
}
