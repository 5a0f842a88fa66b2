import { Alert, Input, Radio, Tag } from 'antd';
import { Pager } from '../components/Pager';
import { PercentBar } from '../components/PercentBar';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problemsOf } from '../lib/errors';
import { formatDay } from '../lib/format';
import { currentSession } from '../lib/session';
import { daysLeftText, dueState, vietnamToday } from '../lib/due';
import { AssignmentStatusTag, StatusLegend } from '../lib/status';
import { useUrlState } from '../lib/url';
import { ProblemAlerts } from '../components/ProblemAlerts';

// The unit's own open work, one page of the API's largest (1,000); a larger list says so above the table.
const InboxQuery = graphql(`
  query Inbox($unitCode: ID!) {
    assignmentPage(unitCode: $unitCode, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], limit: 1000) {
      total
      items {
        id
        kind
        status
        overdue
        dueOn
        percent
        taskText
        timeframeText
        planId
        planNumber
        planTitle
        extension {
          status
          requestedDueOn
        }
      }
    }
  }
`);

// Only the requests waiting for a decision, found by the server among the subtree's assignments.
const ExtensionsToDecide = graphql(`
  query ExtensionsToDecide($unitCode: ID!) {
    assignmentPage(unitCode: $unitCode, includeSubtree: true, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], extensionStatus: REQUESTED, limit: 1000) {
      total
      items {
        id
        assignerCode
        unitCode
        extension {
          status
          reason
          requestedDueOn
        }
      }
    }
  }
`);
const ExtensionRow = graphql(`
  query ExtensionRow($id: ID!) {
    assignment(id: $id) {
      id
      taskText
      dueOn
      unit {
        name
      }
    }
  }
`);

function ExtensionCell({ id, field }: { id: string; field: 'unit' | 'task' | 'due' }) {
  const [{ data }] = useQuery({ query: ExtensionRow, variables: { id } });
  const a = data?.assignment;
  if (!a) return null;
  return field === 'unit' ? <>{a.unit.name}</> : field === 'due' ? <>{formatDay(a.dueOn)}</> : <Link to={`/nhiem-vu/${a.id}`}>{a.taskText}</Link>;
}

const PAGE_SIZE = 20;

type Row = NonNullable<ReturnType<typeof useInbox>['rows']>[number];

function useInbox(unitCode: string) {
  const [{ data, fetching, error }] = useQuery({ query: InboxQuery, variables: { unitCode } });
  // Overdue first, then by due day (no due day last), as the unit works through them.
  const rows = data?.assignmentPage.items
    .slice()
    .sort(
      (a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.taskText.localeCompare(b.taskText, 'vi'),
    );
  return { rows, total: data?.assignmentPage.total, fetching, error };
}

export default function Inbox() {
  const session = currentSession();
  const unitCode = session?.unit?.code ?? '';
  const [params, update] = useUrlState();
  const { rows, total, fetching, error } = useInbox(unitCode);
  const [extensions] = useQuery({ query: ExtensionsToDecide, variables: { unitCode } });
  const toDecide = extensions.data?.assignmentPage.items.filter((a) => a.extension?.status === 'REQUESTED' && a.assignerCode === unitCode) ?? [];
  const kind = params.get('loai') === 'ke-hoach' ? 'IMPLEMENTING_PLAN' : 'TASK';
  const q = (params.get('q') ?? '').toLocaleLowerCase('vi');
  const shown = (rows ?? []).filter((r) => r.kind === kind && (!q || `${r.taskText} ${r.planNumber} ${r.planTitle}`.toLocaleLowerCase('vi').includes(q)));
  const overdue = (rows ?? []).filter((r) => r.overdue).length;
  const page = Number(params.get('trang') ?? 1);
  const pageRows = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const owedPlans = (rows ?? []).filter((r) => r.kind === 'IMPLEMENTING_PLAN').length;
  const today = vietnamToday();
  const overdueRows = (rows ?? []).filter((r) => dueState(r, today) === 'overdue');
  // Soonest first (rows are sorted by due day already).
  const dueSoonRows = (rows ?? []).filter((r) => dueState(r, today) === 'soon');

  return (
    <div className="page">
      <h1>Việc cần làm</h1>
      <p className="muted">
        {session?.unit?.name} · {rows ? `${total ?? rows.length} việc đang mở, ${overdue} quá hạn` : 'Đang tải…'}
      </p>
      {rows && total !== undefined && total > rows.length && (
        <Alert type="warning" showIcon title={`Đang hiển thị ${rows.length} trong số ${total} việc đang mở (tối đa ${rows.length} một lần).`} />
      )}
      <ProblemAlerts problems={problemsOf(error)} />
      {(overdueRows.length > 0 || dueSoonRows.length > 0) && (
        <section aria-labelledby="reminders-heading">
          <h2 id="reminders-heading" className="skip-link">
            Nhắc việc
          </h2>
          {overdueRows.length > 0 && (
            <div className="reminders overdue" role="status" data-reminder="overdue">
              <h3 style={{ fontSize: 15, margin: '0 0 4px' }}>Nhắc việc: {overdueRows.length} việc đã quá hạn</h3>
              <ul>
                {overdueRows.slice(0, 3).map((r) => (
                  <li key={r.id}>
                    <Link to={`/nhiem-vu/${r.id}`}>{r.taskText}</Link> — hạn {formatDay(r.dueOn)}
                  </li>
                ))}
              </ul>
              {overdueRows.length > 3 && <span className="muted">và {overdueRows.length - 3} việc khác (xem danh sách bên dưới).</span>}
            </div>
          )}
          {dueSoonRows.length > 0 && (
            <div className="reminders" role="status" data-reminder="due-soon">
              <h3 style={{ fontSize: 15, margin: '0 0 4px' }}>Nhắc việc: {dueSoonRows.length} việc đến hạn trong 7 ngày tới</h3>
              <ul>
                {dueSoonRows.slice(0, 5).map((r) => (
                  <li key={r.id}>
                    <Link to={`/nhiem-vu/${r.id}`}>{r.taskText}</Link> — hạn {formatDay(r.dueOn)}, {daysLeftText(r.dueOn ?? today, today)}
                  </li>
                ))}
              </ul>
              {dueSoonRows.length > 5 && <span className="muted">và {dueSoonRows.length - 5} việc khác.</span>}
            </div>
          )}
        </section>
      )}
      {toDecide.length > 0 && (
        <section aria-labelledby="extensions-heading">
          <h2 id="extensions-heading">Đề nghị gia hạn chờ quyết định ({toDecide.length})</h2>
          <div className="table-scroll">
            <table className="appendix">
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Nhiệm vụ</th>
                  <th scope="col">Hạn hiện tại</th>
                  <th scope="col">Hạn đề nghị</th>
                  <th scope="col">Lý do</th>
                </tr>
              </thead>
              <tbody>
                {toDecide.slice(0, 50).map((r) => (
                  <tr key={r.id}>
                    <td>
                      <ExtensionCell id={r.id} field="unit" />
                    </td>
                    <td>
                      <ExtensionCell id={r.id} field="task" />
                    </td>
                    <td>
                      <ExtensionCell id={r.id} field="due" />
                    </td>
                    <td>{formatDay(r.extension?.requestedDueOn)}</td>
                    <td>{r.extension?.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <div className="filters" style={{ marginTop: 12 }}>
        <Radio.Group
          aria-label="Loại việc"
          optionType="button"
          value={kind}
          onChange={(e) => update({ loai: e.target.value === 'IMPLEMENTING_PLAN' ? 'ke-hoach' : null, trang: null })}
          options={[
            { label: 'Nhiệm vụ được giao', value: 'TASK' },
            { label: `Kế hoạch triển khai phải ban hành (${owedPlans})`, value: 'IMPLEMENTING_PLAN' },
          ]}
        />
        <label>
          Tìm nhiệm vụ
          <Input.Search
            allowClear
            defaultValue={params.get('q') ?? ''}
            onSearch={(value) => update({ q: value, trang: null })}
            placeholder="Nội dung, số kế hoạch"
            style={{ width: 320 }}
          />
        </label>
      </div>
      <StatusLegend />
      <div className="table-scroll">
        {/* A plain table: the page people open every morning stays light (no data-grid code). */}
        <table className="appendix inbox">
          <thead>
            <tr>
              <th scope="col" style={{ width: 110 }}>
                Hạn
              </th>
              <th scope="col">{kind === 'TASK' ? 'Nhiệm vụ' : 'Kế hoạch phải ban hành'}</th>
              <th scope="col" style={{ width: 190 }}>
                Trạng thái
              </th>
              <th scope="col" style={{ width: 140 }}>
                Tiến độ
              </th>
            </tr>
          </thead>
          <tbody className="ant-table-tbody">
            {!rows && (
              <tr>
                <td colSpan={4}>{fetching ? 'Đang tải…' : ''}</td>
              </tr>
            )}
            {rows && shown.length === 0 && (
              <tr>
                <td colSpan={4}>Không có việc nào.</td>
              </tr>
            )}
            {pageRows.map((r: Row) => (
              <tr key={r.id} className="ant-table-row">
                <td>{r.dueOn ? formatDay(r.dueOn) : r.timeframeText}</td>
                <td>
                  <Link to={`/nhiem-vu/${r.id}`}>{r.taskText}</Link>
                  <div className="muted">
                    <Link to={`/ke-hoach/${r.planId}`}>Kế hoạch {r.planNumber}</Link> · {r.planTitle}
                  </div>
                </td>
                <td>
                  <AssignmentStatusTag status={r.status} overdue={r.overdue} dueSoon={dueState(r, today) === 'soon'} />
                  {r.extension?.status === 'REQUESTED' && <Tag>Đang xin gia hạn</Tag>}
                </td>
                <td>
                  <PercentBar value={r.percent} label={`Tiến độ ${r.percent}%`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={shown.length} unit="việc" onChange={(p) => update({ trang: p })} />}
      </div>
    </div>
  );
}
