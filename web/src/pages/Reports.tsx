import { useState } from 'react';
import { Alert, Card, Select, Space, Statistic, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problemsOf } from '../lib/errors';
import { formatDay } from '../lib/format';
import { currentSession } from '../lib/session';
import { columnsOf } from '../lib/columns';
import { CardTable, ListTable } from '../components/CardTable';

const ReportsQuery = graphql(`
  query ReportsPage($unitCode: ID!) {
    reports(unitCode: $unitCode) {
      id
      regimeName
      period
      unitName
      role
      status
      dueOn
      late
      submittedOn
      lockReason
    }
    reportRegimes(ownerCode: $unitCode) {
      id
      name
      kind
      periodTypes
      definedOn
      fromPlan {
        planId
        planNumber
        requirement
      }
      periods {
        period
        expected
      }
    }
  }
`);
const ReviewQuery = graphql(`
  query ReportReviewQueue($unitCode: ID!) {
    reportsToReview(reviewerCode: $unitCode) {
      id
      regimeName
      period
      unitName
      status
      dueOn
      late
      submittedOn
      submissions
    }
  }
`);
const CompletenessQuery = graphql(`
  query ReportCompleteness($regimeId: ID!, $period: String!, $unitCode: ID!) {
    reportingCompleteness(regimeId: $regimeId, period: $period, unitCode: $unitCode) {
      ...ReportCompletenessCounts
      returned
      waived
      submittedRate
      onTimeRate
      children {
        unitCode
        unit {
          name
        }
        ...ReportCompletenessCounts
      }
    }
  }
  fragment ReportCompletenessCounts on Completeness {
    expected
    submitted
    onTime
    late
    missing
    accepted
  }
`);

export const REPORT_STATUS_LABEL: Record<string, { text: string; color: string }> = {
  EXPECTED: { text: 'Phải báo cáo', color: 'default' },
  DRAFT: { text: 'Đang soạn', color: 'processing' },
  SUBMITTED: { text: 'Đã gửi', color: 'blue' },
  ACCEPTED: { text: 'Đã chấp nhận', color: 'success' },
  RETURNED: { text: 'Bị trả lại', color: 'warning' },
  WAIVED: { text: 'Không báo cáo', color: 'default' },
  APPROVED: { text: 'Đã phê duyệt', color: 'success' },
};
/** The period types a regime reports on, as officials say them. */
const PERIOD_TYPE_LABEL: Record<string, string> = {
  MONTH: 'hằng tháng',
  QUARTER: 'hằng quý',
  HALF_YEAR: '6 tháng',
  NINE_MONTHS: '9 tháng',
  YEAR: 'năm',
  AD_HOC: 'một lần (đột xuất)',
};

export const ReportStatusTag = ({ status }: { status: string }) => (
  <Tag color={REPORT_STATUS_LABEL[status]?.color}>{REPORT_STATUS_LABEL[status]?.text ?? status}</Tag>
);

/** The unit a signed-in account works for: where its role is granted (a district's office acts for the district). */
export const workUnitOf = (session: ReturnType<typeof currentSession>) => session?.roles.find((r) => r.unitCode)?.unitCode ?? session?.unit?.code ?? '';

/** The completeness counts, in the order the totals and the per-unit table show them. */
const COMPLETENESS_COUNTS = [
  ['Phải báo cáo', 'expected'],
  ['Đã gửi', 'submitted'],
  ['Đúng hạn', 'onTime'],
  ['Trễ hạn', 'late'],
  ['Chưa gửi', 'missing'],
  ['Đã chấp nhận', 'accepted'],
] as const;

/** A report's own page. */
const reportPage = (r: { id: string }) => `/bao-cao/${encodeURIComponent(r.id)}`;

/** Báo cáo: the unit's reports to submit, the reports sent up to it for review, and a period's completeness. */
export default function Reports() {
  const unitCode = workUnitOf(currentSession());
  const [{ data, error }] = useQuery({ query: ReportsQuery, variables: { unitCode } });
  const [{ data: review }] = useQuery({ query: ReviewQuery, variables: { unitCode } });
  const [selected, setSelected] = useState<string | null>(null);
  const [regimeId, period] = (selected ?? '').split('|');
  const [{ data: completeness }] = useQuery({ query: CompletenessQuery, variables: { regimeId, period, unitCode }, pause: !selected });
  const own = data?.reports ?? [];
  const toReview = review?.reportsToReview ?? [];
  const regimes = data?.reportRegimes ?? [];
  const ownColumn = columnsOf<(typeof own)[number]>();
  const reviewColumn = columnsOf<(typeof toReview)[number]>();
  const regimeColumn = columnsOf<(typeof regimes)[number]>();
  const periods = (data?.reportRegimes ?? []).flatMap((r) =>
    r.periods.map((p) => ({ value: `${r.id}|${p.period}`, label: `${r.name} — ${p.period} (${p.expected} đơn vị)` })),
  );
  const c = completeness?.reportingCompleteness;
  return (
    <div className="page">
      <h1>Báo cáo</h1>
      {error && <Alert type="error" message={problemsOf(error)[0]?.message} />}
      <CardTable
        title="Báo cáo của đơn vị"
        rows={own}
        columns={[
          ownColumn.link('Chế độ báo cáo', reportPage, (r) => r.regimeName),
          ownColumn.field('Kỳ', 'period'),
          { title: 'Hạn gửi', render: (_, r) => formatDay(r.dueOn) },
          {
            title: 'Trạng thái',
            render: (_, r) => (
              <Space>
                <ReportStatusTag status={r.status} />
                {r.late && <Tag color="red">Trễ hạn</Tag>}
                {r.lockReason && <Tag>Đã khóa</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {(review?.reportsToReview.length ?? 0) > 0 && (
        <CardTable
          title="Báo cáo chờ xem xét"
          rows={toReview}
          columns={[
            reviewColumn.link('Đơn vị', reportPage, (r) => r.unitName),
            reviewColumn.field('Chế độ', 'regimeName'),
            reviewColumn.field('Kỳ', 'period'),
            {
              title: 'Ngày gửi',
              render: (_, r) => `${formatDay(r.submittedOn)}${r.late ? ' (trễ hạn)' : ''}${r.submissions > 1 ? ` · gửi lại lần ${r.submissions}` : ''}`,
            },
          ]}
        />
      )}
      {(data?.reportRegimes.length ?? 0) > 0 && (
        <CardTable
          title="Chế độ báo cáo của đơn vị"
          rows={regimes}
          columns={[
            regimeColumn.field('Chế độ báo cáo', 'name'),
            { title: 'Kỳ báo cáo', render: (_, r) => r.periodTypes.map((t) => PERIOD_TYPE_LABEL[t] ?? t).join(', ') },
            {
              title: 'Nguồn',
              // A regime the platform made from an issued plan's reporting requirement says so, with the plan.
              render: (_, r) =>
                r.fromPlan ? (
                  <Space size={4} wrap>
                    <Tag color="blue">Tạo tự động</Tag>
                    <span>
                      từ yêu cầu báo cáo của <Link to={`/ke-hoach/${encodeURIComponent(r.fromPlan.planId)}`}>Kế hoạch {r.fromPlan.planNumber}</Link>
                    </span>
                  </Space>
                ) : (
                  'Đơn vị ban hành'
                ),
            },
            { title: 'Từ ngày', render: (_, r) => formatDay(r.definedOn) },
            { title: 'Kỳ đã mở', render: (_, r) => (r.periods.length ? r.periods.map((p) => p.period).join(', ') : 'Chưa mở kỳ nào') },
          ]}
        />
      )}
      {periods.length > 0 && (
        <Card title="Tình hình báo cáo" size="small">
          <Select
            style={{ minWidth: 360, marginBottom: 12 }}
            placeholder="Chọn kỳ báo cáo"
            options={periods}
            value={selected}
            onChange={setSelected}
            aria-label="Kỳ báo cáo"
          />
          {c && (
            <>
              <Space wrap size="large">
                {COMPLETENESS_COUNTS.map(([title, count]) => (
                  <Statistic
                    key={count}
                    title={title}
                    value={c[count]}
                    suffix={count === 'submitted' && c.submittedRate !== null ? `(${c.submittedRate}%)` : undefined}
                  />
                ))}
              </Space>
              <ListTable
                rowKey="unitCode"
                rows={c.children}
                columns={[
                  { title: 'Đơn vị', render: (_, r) => r.unit.name ?? r.unitCode },
                  ...COMPLETENESS_COUNTS.map(([title, count]) => ({ title, dataIndex: count })),
                ]}
              />
            </>
          )}
        </Card>
      )}
    </div>
  );
}
