import { assertNever, Decider, DomainError } from '@reform/decider';
import { IndexSetDefinition, leavesOf } from '../framework/index-set';
import { Window } from '../assessment/assessment.decider';
import { competitionRanks, round } from '../ranking';

/**
 * An assessment campaign (stream `campaign-<id>`): a unit opens the year's assessment of its
 * children (a district its communes, a province its departments and districts) on a framework
 * version, with an entry window and an appraisal window; each child gets an Assessment. When every
 * assessment is finalised the owner publishes: rank among the siblings (ties share a rank, as
 * published rankings do), grade, change from last year; the results become visible to the
 * siblings, and the units at the bottom owe an improvement plan within a number of days.
 */
export interface ImprovementRule {
  /** How many units from the bottom of the ranking owe a plan. */
  readonly bottomCount: number;
  readonly withinDays: number;
}

export interface CampaignFacts {
  readonly id: string;
  readonly title: string;
  readonly ownerCode: string;
  readonly year: number;
  readonly frameworkCode: string;
  readonly frameworkVersion: number;
  readonly entryWindow: Window;
  readonly appraisalWindow: Window;
  readonly skipped: readonly string[];
  readonly improvement: ImprovementRule | null;
  readonly assessments: ReadonlyArray<{ readonly assessmentId: string; readonly unitCode: string }>;
}

export interface RankingRow {
  readonly unitCode: string;
  readonly assessmentId: string;
  readonly total: number;
  readonly rescaledTotal: number;
  readonly percent: number;
  readonly grade: string | null;
  readonly rank: number;
  readonly of: number;
  readonly previousRank: number | null;
  readonly previousRescaledTotal: number | null;
  readonly change: number | null;
}

export interface Obligation {
  readonly unitCode: string;
  readonly dueOn: string;
  readonly text: string;
  readonly fulfilledBy: { readonly planId: string; readonly number: string; readonly on: string } | null;
}

export interface Campaign extends CampaignFacts {
  readonly status: 'OPEN' | 'PUBLISHED';
  readonly openedOn: string;
  readonly publishedOn: string | null;
  readonly ranking: readonly RankingRow[];
  readonly obligations: readonly Obligation[];
}

export type CampaignState = { readonly status: 'NONE' } | Campaign;

export interface FinalResult {
  readonly assessmentId: string;
  readonly unitCode: string;
  readonly finalised: boolean;
  readonly total: number | null;
  readonly rescaledTotal: number | null;
  readonly percent: number | null;
  readonly grade: string | null;
}

export type CampaignEvent =
  | { type: 'CampaignOpened'; data: CampaignFacts & { on: string } }
  | { type: 'CampaignResultsPublished'; data: { on: string; ranking: RankingRow[]; obligations: Obligation[] } }
  | { type: 'ImprovementPlanIssued'; data: { unitCode: string; planId: string; number: string; on: string } };
export const CAMPAIGN_EVENT_TYPES: readonly CampaignEvent['type'][] = ['CampaignOpened', 'CampaignResultsPublished', 'ImprovementPlanIssued'];

export type CampaignCommand =
  | {
      type: 'OpenCampaign';
      data: Omit<CampaignFacts, 'frameworkCode' | 'frameworkVersion'> & { framework: IndexSetDefinition; frameworkVersion: number; today: string };
    }
  | {
      type: 'PublishResults';
      data: { results: readonly FinalResult[]; previous: Readonly<Record<string, { rank: number; rescaledTotal: number }>>; today: string };
    }
  | { type: 'RecordImprovementPlan'; data: { unitCode: string; planId: string; number: string; on: string } };

export const campaignStreamId = (id: string) => `campaign-${id}`;
const bad = (code: string, message: string, field: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field });
const conflict = (code: string, message: string, field?: string) => new DomainError(code, message, { kind: 'CONFLICT', ...(field ? { field } : {}) });
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function checkWindow(window: Window, field: string): void {
  if (!DAY.test(window.from) || !DAY.test(window.to)) throw bad('CAMPAIGN.WINDOW', `${field}: cần ngày bắt đầu và ngày kết thúc (YYYY-MM-DD).`, field);
  if (window.from > window.to) throw bad('CAMPAIGN.WINDOW', `${field}: ngày bắt đầu sau ngày kết thúc.`, field);
}

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: { status: 'NONE' },
  decide(command, state) {
    switch (command.type) {
      case 'OpenCampaign': {
        if (state.status !== 'NONE') return [];
        const { framework, frameworkVersion, today, ...facts } = command.data;
        if (!facts.title.trim()) throw bad('CAMPAIGN.TITLE', 'input.title: cần tên đợt đánh giá.', 'input.title');
        if (facts.year !== framework.year)
          throw bad('CAMPAIGN.YEAR', `input.year: bộ chỉ số ${framework.code} dùng cho năm ${framework.year}, không phải ${facts.year}.`, 'input.year');
        checkWindow(facts.entryWindow, 'input.entryWindow');
        checkWindow(facts.appraisalWindow, 'input.appraisalWindow');
        if (facts.appraisalWindow.to < facts.entryWindow.to || facts.appraisalWindow.from < facts.entryWindow.from) {
          throw bad('CAMPAIGN.WINDOW_ORDER', 'input.appraisalWindow: thời hạn thẩm định phải sau (hoặc nối tiếp) thời hạn tự chấm.', 'input.appraisalWindow');
        }
        if (facts.entryWindow.to < today) throw bad('CAMPAIGN.WINDOW_PAST', 'input.entryWindow: thời hạn tự chấm đã qua.', 'input.entryWindow');
        if (facts.assessments.length === 0) throw bad('CAMPAIGN.NO_UNITS', 'input.unitCodes: đợt đánh giá cần ít nhất một đơn vị.', 'input.unitCodes');
        const leaves = leavesOf(framework.fields);
        facts.skipped.forEach((code, i) => {
          const leaf = leaves.find((l) => l.code === code);
          if (!leaf)
            throw bad(
              'CAMPAIGN.UNKNOWN_CRITERION',
              `input.skippedCriteria[${i}]: bộ chỉ số không có tiêu chí chấm điểm "${code}".`,
              `input.skippedCriteria[${i}]`,
            );
          if (!leaf.skippable)
            throw bad(
              'CAMPAIGN.NOT_SKIPPABLE',
              `input.skippedCriteria[${i}]: tiêu chí ${code} không được bỏ qua theo bộ chỉ số.`,
              `input.skippedCriteria[${i}]`,
            );
        });
        if (
          facts.improvement &&
          (!Number.isInteger(facts.improvement.bottomCount) ||
            facts.improvement.bottomCount < 0 ||
            facts.improvement.bottomCount > facts.assessments.length ||
            !Number.isInteger(facts.improvement.withinDays) ||
            facts.improvement.withinDays < 1)
        ) {
          throw bad(
            'CAMPAIGN.IMPROVEMENT',
            'input.improvement: số đơn vị cuối bảng phải từ 0 đến số đơn vị; số ngày phải là số nguyên dương.',
            'input.improvement',
          );
        }
        return [{ type: 'CampaignOpened', data: { ...facts, frameworkCode: framework.code, frameworkVersion, on: today } }];
      }
      case 'PublishResults': {
        if (state.status === 'NONE') throw new DomainError('CAMPAIGN.NOT_FOUND', 'Không tìm thấy đợt đánh giá.', { kind: 'NOT_FOUND', field: 'campaignId' });
        if (state.status === 'PUBLISHED') throw conflict('CAMPAIGN.ALREADY_PUBLISHED', 'Kết quả đã công bố.', 'campaignId');
        const { results, previous, today } = command.data;
        const pending = results.filter((r) => !r.finalised);
        if (pending.length)
          throw conflict(
            'CAMPAIGN.NOT_FINALISED',
            `Chưa công bố được: ${pending.length} đơn vị chưa chốt kết quả thẩm định (${pending.map((r) => r.unitCode).join(', ')}).`,
            'campaignId',
          );
        const ranks = competitionRanks(results, (r) => r.rescaledTotal, 2);
        const ranking: RankingRow[] = results
          .map((r) => {
            const before = previous[r.unitCode];
            return {
              unitCode: r.unitCode,
              assessmentId: r.assessmentId,
              total: r.total as number,
              rescaledTotal: r.rescaledTotal as number,
              percent: r.percent as number,
              grade: r.grade,
              rank: ranks.get(r) as number,
              of: results.length,
              previousRank: before?.rank ?? null,
              previousRescaledTotal: before?.rescaledTotal ?? null,
              change: before ? round((r.rescaledTotal as number) - before.rescaledTotal, 2) : null,
            };
          })
          .sort((a, b) => a.rank - b.rank || a.unitCode.localeCompare(b.unitCode));
        // The bottom N places owe a plan; a tie at the cut-off brings in every unit sharing that rank.
        const cut = state.improvement && state.improvement.bottomCount > 0 ? ranking[ranking.length - state.improvement.bottomCount].rank : null;
        const obligations: Obligation[] =
          cut === null || !state.improvement
            ? []
            : ranking
                .filter((row) => row.rank >= cut)
                .map((row) => ({
                  unitCode: row.unitCode,
                  dueOn: addDays(today, (state.improvement as ImprovementRule).withinDays),
                  text: `Ban hành kế hoạch nâng cao chỉ số CCHC (xếp thứ ${row.rank}/${row.of} năm ${state.year})`,
                  fulfilledBy: null,
                }));
        return [{ type: 'CampaignResultsPublished', data: { on: today, ranking, obligations } }];
      }
      case 'RecordImprovementPlan': {
        if (state.status !== 'PUBLISHED') return [];
        const owed = state.obligations.find((o) => o.unitCode === command.data.unitCode && o.fulfilledBy === null);
        if (!owed || command.data.on < (state.publishedOn as string)) return [];
        return [{ type: 'ImprovementPlanIssued', data: command.data }];
      }
      default:
        return assertNever(command, 'command');
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CampaignOpened': {
        const { on, ...facts } = event.data;
        return { ...facts, status: 'OPEN', openedOn: on, publishedOn: null, ranking: [], obligations: [] };
      }
      case 'CampaignResultsPublished':
        if (state.status === 'NONE') return state;
        return { ...state, status: 'PUBLISHED', publishedOn: event.data.on, ranking: event.data.ranking, obligations: event.data.obligations };
      case 'ImprovementPlanIssued':
        if (state.status === 'NONE') return state;
        return {
          ...state,
          obligations: state.obligations.map((o) =>
            o.unitCode === event.data.unitCode && o.fulfilledBy === null
              ? { ...o, fulfilledBy: { planId: event.data.planId, number: event.data.number, on: event.data.on } }
              : o,
          ),
        };
      default:
        return assertNever(event, 'event');
    }
  },
};
