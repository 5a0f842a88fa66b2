import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { chainInForce, UNIT_HIERARCHY, UnitHierarchy, UnitView } from '@reform/unit-hierarchy';
import { TASKS_SCHEMA as S } from '../../schema';

/**
 * Which tree a plan's roll-ups and lists follow (issue 15, ADR 0029):
 * - ISSUE_DAY: the units the plan was issued to, under the parents they had on the plan's issue
 *   day (a district merged later still holds its communes' assignments);
 * - TODAY: the same assignments shown under today's units: a unit that has ended counts under
 *   its successor through the lineage (several successors: under the nearest unit above them all;
 *   none: where its parent went).
 */
export type UnitTreeMode = 'ISSUE_DAY' | 'TODAY';
export const UNIT_TREE_MODES: readonly UnitTreeMode[] = ['ISSUE_DAY', 'TODAY'];

/** A group of a plan's assignments: the unit holding them now and the unit the plan gave them to. */
export interface PlanUnitPair {
  readonly unitCode: string;
  readonly originCode: string;
}

/**
 * Where each group sits under `root`: its chain, the placed unit first and the root last (the root
 * standing for its successor in the TODAY tree), or null when the group is not under the root.
 */
export interface PlanPlacement {
  readonly chainOf: (pair: PlanUnitPair) => readonly string[] | null;
}

const MAX_DEPTH = 10;
/** Plans whose issuer and issue day are remembered at most; beyond, all are forgotten. */
const MAX_HEARD_PLANS = 10_000;

/** What the tasks service heard of a plan when it was issued. */
export interface HeardPlan {
  readonly issuerCode: string;
  readonly issuedOn: string;
}

interface TodayFacts {
  readonly inForce: Set<string>;
  readonly last: Map<string, UnitView>;
}

/**
 * The trees of a plan's own day and of today, over the service's copy of the unit hierarchy.
 * Membership never depends on the mode's arrangement alone: in the TODAY tree a group belongs to
 * the root when its origin was under the root on the issue day OR its unit is under it today, so a
 * plan's total is the same in both trees and equals its number of assignments.
 */
@Injectable()
export class PlanTree {
  private readonly heard = new Map<string, HeardPlan>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
  ) {}

  /** The plan's issue day as the tasks service heard it; else its first assignment's day. */
  async issueDayOf(planId: string): Promise<string | null> {
    const heard = await this.heardOf(planId);
    if (heard) return heard.issuedOn;
    const [row]: Array<{ day: string | null }> = await this.dataSource.query(
      `SELECT min(state->>'assignedOn') AS day FROM "${S}".assignments WHERE plan_id = $1`,
      [planId],
    );
    return row?.day ?? null;
  }

  /**
   * The plan's issuer and issue day as the tasks service heard them (`known_plans`, from its
   * PlanIssued). The row is written once and never changed (ON CONFLICT DO NOTHING), so it is
   * remembered: every roll-up and list of the plan asks for it. Null while the plan is not heard of.
   */
  async heardOf(planId: string): Promise<HeardPlan | null> {
    const known = this.heard.get(planId);
    if (known) return known;
    const [row]: Array<{ issuer_code: string; issued_on: string }> = await this.dataSource.query(
      `SELECT issuer_code, issued_on::text AS issued_on FROM "${S}".known_plans WHERE plan_id = $1`,
      [planId],
    );
    if (!row) return null;
    if (this.heard.size >= MAX_HEARD_PLANS) this.heard.clear();
    const heard: HeardPlan = { issuerCode: row.issuer_code, issuedOn: row.issued_on };
    this.heard.set(planId, heard);
    return heard;
  }

  async placement(root: string, pairs: readonly PlanUnitPair[], mode: UnitTreeMode, issueDay: string, today: string): Promise<PlanPlacement> {
    const issueChains = await this.chainsOn(root, [...new Set(pairs.map((pair) => pair.originCode))], issueDay);
    if (mode === 'ISSUE_DAY') return { chainOf: (pair) => issueChains.get(pair.originCode) ?? null };

    // TODAY: the root stands for what it became; each unit hangs under what it became.
    const facts = await this.factsOn([root, ...pairs.map((pair) => pair.unitCode)], today);
    const memo = new Map<string, string | null>();
    const rootToday = await this.placedToday(root, today, facts, memo);
    const placed = new Map<string, string | null>();
    for (const code of new Set(pairs.map((pair) => pair.unitCode))) placed.set(code, await this.placedToday(code, today, facts, memo));
    const todayChains = rootToday
      ? await this.chainsOn(rootToday, [...new Set([...placed.values()].filter((code): code is string => code !== null))], today)
      : new Map<string, string[] | null>();
    const rootInForce = rootToday === root;
    return {
      chainOf: (pair) => {
        const place = placed.get(pair.unitCode) ?? null;
        const todayChain = place ? (todayChains.get(place) ?? null) : null;
        const member = (issueChains.get(pair.originCode) ?? null) !== null || (rootInForce && todayChain !== null);
        if (!member) return null;
        // Under the root's successor: its chain up to it, the last link named by the root asked for.
        if (todayChain) return [...todayChain.slice(0, -1), root];
        // Elsewhere today (the root ended without one successor, e.g. an abolished district): right below it.
        return place && place !== root ? [place, root] : [root];
      },
    };
  }

  /**
   * Each code's chain up to `root` on `day` (code first, root last), null when the code is not
   * under the root that day. A unit not in force that day (established later by an amendment,
   * ended before) takes its place on its own first or last day, as tenancy does.
   */
  private async chainsOn(root: string, codes: readonly string[], day: string): Promise<Map<string, string[] | null>> {
    const parentOf = await this.units.parentsUpTo(root, codes, day);
    const chains = new Map<string, string[] | null>();
    for (const code of codes) {
      if (!parentOf.has(code)) {
        const chain = (await chainInForce(this.units, code, day)).map((unit) => unit.code);
        const at = chain.indexOf(root);
        chains.set(code, at < 0 ? null : chain.slice(0, at + 1));
        continue;
      }
      const chain: string[] = [];
      let next: string | null | undefined = code;
      while (next && chain.length <= MAX_DEPTH && next !== root) {
        chain.push(next);
        next = parentOf.get(next);
      }
      chains.set(code, next === root ? [...chain, root] : null);
    }
    return chains;
  }

  /**
   * What placing `codes` today needs, read in a few round trips rather than a few per unit: which
   * are in force, and for the others their last state (successors, last parent), followed to the
   * successors and parents they lead to.
   */
  private async factsOn(codes: readonly string[], today: string): Promise<TodayFacts> {
    const facts: TodayFacts = { inForce: new Set(), last: new Map() };
    const seen = new Set<string>();
    let frontier = [...new Set(codes)];
    for (let round = 0; frontier.length > 0 && round <= MAX_DEPTH; round++) {
      const fresh = frontier.filter((code) => !seen.has(code));
      fresh.forEach((code) => seen.add(code));
      if (fresh.length === 0) break;
      for (const code of await this.units.inForce(fresh, today)) facts.inForce.add(code);
      const next: string[] = [];
      for (const [code, last] of await this.units.lastKnownMany(fresh.filter((c) => !facts.inForce.has(c)))) {
        facts.last.set(code, last);
        for (const successor of last.successors) if (successor.effectiveOn <= today) next.push(successor.code);
        if (last.parentCode) next.push(last.parentCode);
      }
      frontier = next;
    }
    return facts;
  }

  /**
   * The unit in force today that stands for `code`: itself; else its successors in effect, followed
   * to units in force (one: it; several: the nearest unit above all of them); else what its parent
   * on its last day became. Null for a unit unknown here. `memo` lives for one question; lineage
   * runs forward in time, and `depth` bounds a faulty cycle.
   */
  private async placedToday(code: string, today: string, facts: TodayFacts, memo: Map<string, string | null>, depth = 0): Promise<string | null> {
    if (memo.has(code)) return memo.get(code) ?? null;
    if (depth > MAX_DEPTH) return null;
    let answer: string | null;
    const last = facts.last.get(code);
    if (facts.inForce.has(code)) answer = code;
    else if (!last) answer = null;
    else if (last.validFrom !== null && last.validFrom > today)
      answer = code; // not yet in force: where it will be
    else {
      const found = new Set<string>();
      for (const successor of last.successors) {
        if (successor.effectiveOn > today || successor.code === code) continue;
        const placed = await this.placedToday(successor.code, today, facts, memo, depth + 1);
        if (placed) found.add(placed);
      }
      if (found.size === 1) answer = [...found][0];
      else if (found.size > 1) answer = await this.nearestAbove([...found], today);
      else answer = last.parentCode ? await this.placedToday(last.parentCode, today, facts, memo, depth + 1) : null;
    }
    memo.set(code, answer);
    return answer;
  }

  private async nearestAbove(codes: readonly string[], today: string): Promise<string | null> {
    const chains = await Promise.all(codes.map(async (code) => (await this.units.ancestry(code, today)).map((unit) => unit.code)));
    return chains[0].find((code) => chains.every((chain) => chain.includes(code))) ?? null;
  }
}
