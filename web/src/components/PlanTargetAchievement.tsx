import { Table, Tag } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { formatDay, formatNumber } from '../lib/format';

const PlanTargetAchievementQuery = graphql(`
  query PlanTargetAchievement($id: ID!) {
    plan(id: $id) {
      id
      targetAchievement {
        taskId
        taskText
        sectionCode
        status
        kind
        target
        comparator
        value
        actual
        basis
        trail {
          source
          id
          unitCode
          figure
          on
          period
          itemCode
        }
        parts {
          kind
          status
          target
          actual
          basis
        }
      }
    }
  }
`);

/** What the user reads for each outcome (issue 19): met, missed, or no figure yet. */
export const TARGET_STATUS: Record<string, [label: string, colour: string]> = {
  ACHIEVED: ['Đạt', 'green'],
  NOT_ACHIEVED: ['Không đạt', 'red'],
  UNKNOWN: ['Chưa có số liệu', 'default'],
};
const COMPARATOR: Record<string, string> = { gt: '>', gte: '≥', eq: '=', lte: '≤', lt: '<' };

function actualText(row: { kind: string; actual?: number | null; parts: ReadonlyArray<{ kind: string; actual?: number | null }> }): string {
  const actual = row.actual ?? row.parts.find((p) => p.actual !== null && p.actual !== undefined)?.actual;
  if (actual === null || actual === undefined) return '—';
  const kind = row.kind === 'all' ? row.parts.find((p) => p.actual !== null && p.actual !== undefined)?.kind : row.kind;
  return kind === 'count' ? formatNumber(actual) : `${formatNumber(actual)}%`;
}

/**
 * Each task's target beside the figure reported for it (accepted reports' data items, or the
 * share of its assignments completed), the outcome and the figures used. Loaded lazily on the
 * plan's page: the table is not in the first bundle.
 */
export default function PlanTargetAchievement({ planId }: { planId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: PlanTargetAchievementQuery, variables: { id: planId } });
  const rows = data?.plan?.targetAchievement ?? [];
  if (error || (!fetching && rows.length === 0)) return null;
  return (
    <section aria-label="Kết quả thực hiện chỉ tiêu">
      <h2>Kết quả thực hiện chỉ tiêu</h2>
      <Table
        rowKey="taskId"
        size="small"
        loading={fetching}
        pagination={false}
        dataSource={rows}
        expandable={{
          rowExpandable: (r) => r.trail.length > 0,
          expandedRowRender: (r) => (
            <ul style={{ margin: 0 }}>
              {r.trail.map((t) =>
                t.source === 'REPORT' ? (
                  <li key={`${t.id}-${t.itemCode}`}>
                    Báo cáo kỳ {t.period} của đơn vị {t.unitCode}, chỉ tiêu {t.itemCode}: {formatNumber(t.figure)} (chấp nhận ngày {formatDay(t.on)})
                  </li>
                ) : (
                  <li key={t.id}>
                    Nhiệm vụ được giao cho đơn vị {t.unitCode}: {t.figure === 1 ? `hoàn thành ngày ${formatDay(t.on)}` : 'chưa hoàn thành'}
                  </li>
                ),
              )}
            </ul>
          ),
        }}
        columns={[
          { title: 'Nhiệm vụ', render: (_, r) => `${r.taskId}. ${r.taskText}` },
          {
            title: 'Chỉ tiêu',
            render: (_, r) => (
              <>
                {r.target}
                {r.comparator && r.value !== null && r.value !== undefined && r.kind !== 'coverage' && (
                  <div style={{ color: '#666' }}>
                    ({COMPARATOR[r.comparator]} {formatNumber(r.value)}
                    {r.kind === 'percentage' ? '%' : ''})
                  </div>
                )}
              </>
            ),
          },
          { title: 'Thực tế', render: (_, r) => actualText(r) },
          {
            title: 'Kết quả',
            // Unknown with a share so far: a coverage still in progress before its due day.
            render: (_, r) =>
              r.status === 'UNKNOWN' && r.actual !== null && r.actual !== undefined ? (
                <Tag color="blue">Đang thực hiện</Tag>
              ) : (
                <Tag color={TARGET_STATUS[r.status]?.[1]}>{TARGET_STATUS[r.status]?.[0]}</Tag>
              ),
          },
          { title: 'Căn cứ', render: (_, r) => (r.kind === 'all' ? r.parts.map((p) => `${TARGET_STATUS[p.status]?.[0]}: ${p.basis}`).join('; ') : r.basis) },
        ]}
      />
    </section>
  );
}
