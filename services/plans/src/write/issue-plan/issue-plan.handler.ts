import { Identity } from '@reform/access';
import { forbidden } from '@reform/auth';
import { DomainError, fold } from '@reform/decider';
import { inSpan } from '@reform/observability';
import { domainEventsOf, isIdempotencyKeyCollision, nextIdempotencyStep, RecordedEvent, WrongExpectedVersionError } from '@reform/event-store';
import { PlanEvent, planDecider, PlanProblem, PlanState, planStreamId, problemsError } from '../../domain/plan.decider';
import { IssuerNeighbourhood } from '../../domain/unit-references';
import { numberTaken, numberTakenError, PlanNumberReserved, planNumberStreamId } from '../../domain/plan-number';
import { planUpcasters } from '../../domain/plan.upcasters';
import { planView } from '../../read/plans/plan-view';
import { PlanType } from '../../read/plans/plan.types';
import { PlanWriter } from '../common/plan-commands';

const MAX_RETRIES = 3;

/**
 * Issuing: the plan's stream read once, `manage` checked on its issuer, every unit cell resolved
 * on the issue day (default: today), then the plan's events and the reservation of its number
 * (per issuer and year) appended in one transaction, the number's stream expected new. A
 * concurrent issue of the same number fails on the reservation's version, is tried again, and
 * then finds the number taken (CONFLICT naming the plan). A retried request with its idempotency
 * key answers the plan as the first one left it (not CONFLICT "already issued").
 */
export function issuePlan(writer: PlanWriter, planId: string, requestedOn: string | null, identity: Identity): Promise<PlanType> {
  // Its own command handler (two streams in one append): its span as handleCommand's (ADR 0028).
  return inSpan('command IssuePlan', { attributes: { 'reform.stream': planStreamId(planId) } }, () => issueWithRetries(writer, planId, requestedOn, identity));
}

async function issueWithRetries(writer: PlanWriter, planId: string, requestedOn: string | null, identity: Identity): Promise<PlanType> {
  const idempotency = nextIdempotencyStep();
  for (let attempt = 1; ; attempt++) {
    try {
      if (idempotency && (await writer.store.appliedStep(idempotency))) {
        const plan = await writer.load(planId);
        await writer.assertManage(identity, plan.draft.issuerCode);
        return planView(plan);
      }
      return await issueOnce(writer, planId, requestedOn, identity, idempotency);
    } catch (error) {
      const retry = error instanceof WrongExpectedVersionError || (!!idempotency && isIdempotencyKeyCollision(error));
      if (!retry || attempt > MAX_RETRIES) throw error;
    }
  }
}

async function issueOnce(
  writer: PlanWriter,
  planId: string,
  requestedOn: string | null,
  identity: Identity,
  idempotency: ReturnType<typeof nextIdempotencyStep>,
): Promise<PlanType> {
  const { store } = writer;
  const streamId = planStreamId(planId);
  const past = await store.readStream(streamId);
  const state = fold(planDecider, domainEventsOf<PlanEvent>(past, planUpcasters));
  if (state.status === 'absent') throw forbidden();
  const { issuerCode, number, title } = state.draft;
  await writer.assertManage(identity, issuerCode);
  const issuedOn = requestedOn ?? writer.today();
  const units = await writer.neighbourhood(issuerCode, issuedOn, state.draft.sections);
  const reservationId = planNumberStreamId(issuerCode, issuedOn, number);
  const reserved = ((await store.readStream(reservationId))[0]?.data ?? null) as PlanNumberReserved['data'] | null;
  const taken = numberTaken(planId, number, issuedOn, reserved);
  const events = decideIssue(state, issuedOn, units, taken);
  const metadata = await writer.metadataFor(identity, issuerCode);
  const recorded = await store.transaction(async (tx) => {
    const remember = async (toVersion: number) => {
      if (idempotency) await tx.recordStep(idempotency, { streamId, fromVersion: past.length, toVersion });
    };
    if (!events.length) {
      await remember(past.length);
      return [] as RecordedEvent[];
    }
    if (taken && reserved) throw numberTakenError(taken, reserved.planId);
    const reserve: PlanNumberReserved = {
      type: 'PlanNumberReserved',
      data: { planId, issuerCode, year: Number(issuedOn.slice(0, 4)), number, title, issuedOn },
    };
    const appended = await tx.store.appendMany(
      [
        { streamId, expectedVersion: past.length, events: events.map((event) => ({ ...event, schemaVersion: planUpcasters.currentVersion(event.type) })) },
        ...(reserved ? [] : [{ streamId: reservationId, expectedVersion: 0, events: [reserve] }]),
      ],
      metadata,
    );
    await tx.project(writer.projections, appended);
    await remember(past.length + events.length);
    return appended;
  });
  if (recorded.length) writer.appended();
  const after = fold(planDecider, events, state);
  if (after.status === 'absent') throw forbidden();
  return planView(after);
}

/** The decider's answer; the number's problem joins the plan's others (every problem in one answer). */
function decideIssue(state: PlanState, issuedOn: string, units: IssuerNeighbourhood, taken: PlanProblem | null): PlanEvent[] {
  try {
    return planDecider.decide({ type: 'IssuePlan', data: { issuedOn, units } }, state);
  } catch (error) {
    const problems = error instanceof DomainError && Array.isArray(error.details.problems) ? (error.details.problems as PlanProblem[]) : null;
    if (taken && problems) throw problemsError([...problems, taken]);
    throw error;
  }
}
