import { createHash } from 'node:crypto';
import { DomainError } from '@reform/decider';
import type { Day } from './timeframe';
import type { PlanProblem } from './plan.decider';

/**
 * A plan's number ("154/KH-UBND") is unique per issuer and calendar year of issue: document
 * numbers restart each year (Decree 30/2020). Each issued number is reserved in a stream of its
 * own (`plannumber-<issuer>-<year>-<digest>`), appended in the same transaction as `PlanIssued`
 * with expected version 0, so two issues of one number cannot both commit (the event store's
 * unique (stream, version) decides, not a read that can race). Pure except for the digest.
 */
export interface PlanNumberReserved {
  readonly type: 'PlanNumberReserved';
  readonly data: {
    readonly planId: string;
    readonly issuerCode: string;
    readonly year: number;
    readonly number: string;
    readonly title: string;
    readonly issuedOn: Day;
  };
}

/** How numbers compare: Unicode form, case, spaces and the kind of dash do not matter ("154/KH - UBND" = "154/KH-UBND"). */
export const numberKey = (number: string) =>
  number
    .normalize('NFC')
    .toUpperCase()
    .replace(/[–—‐‑]/gu, '-')
    .replace(/\s+/gu, '');

export const planNumberStreamId = (issuerCode: string, issuedOn: Day, number: string) =>
  `plannumber-${issuerCode}-${issuedOn.slice(0, 4)}-${createHash('sha256').update(numberKey(number)).digest('hex').slice(0, 32)}`;

/** The problem when the number is already another plan's this year; null when it is free (or this plan's own). */
export function numberTaken(planId: string, number: string, issuedOn: Day, reserved: PlanNumberReserved['data'] | null): PlanProblem | null {
  if (!reserved || reserved.planId === planId) return null;
  return {
    field: 'input.number',
    rule: 'PLAN.NUMBER_TAKEN',
    message: `Số kế hoạch "${number}" đã dùng cho kế hoạch "${reserved.title}" (mã ${reserved.planId}, số ${reserved.number}, ban hành ngày ${reserved.issuedOn}) của cùng đơn vị trong năm ${issuedOn.slice(0, 4)}.`,
  };
}

export const numberTakenError = (problem: PlanProblem, existingPlanId: string) =>
  new DomainError(problem.rule, problem.message, { kind: 'CONFLICT', field: problem.field, problems: [problem], extensions: { existingPlanId } });
