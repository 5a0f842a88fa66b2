import { Alert, Input, Segmented, Table, Tag } from 'antd';
import { PercentBar } from '../components/PercentBar';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problemsOf } from '../lib/errors';
import { formatDay } from '../lib/format';
import { currentSession } from '../lib/session';
import { AssignmentStatusTag } from '../lib/status';
import { useUrlState } from '../lib/url';

const InboxQuery = graphql(`
  query Inbox($unitCode: ID!) {
    assignments(unitCode: $unitCode, status: [ASSIGNED, ACCEPTED, IN_PROGRESS]) {
      id kind status overdue dueOn percent taskText timeframeText planId planNumber planTitle
      extension { status requestedDueOn }
    }
  }
`);

// Only what finds the requests: no field another subgraph resolves, so a province's thousands of rows stay cheap.
const ExtensionsToDecide = graphql(`
  query ExtensionsToDecide($unitCode: ID!) {
    assignments(unitCode: $unitCode, includeSubtree: true, status: [ASSIGNED, ACCEPTED, IN_PROGRESS]) {
      id assignerCode unitCode
      extension { status reason requestedDueOn }
    }
  }
`);
const ExtensionRow = graphql(`
  query ExtensionRow($id: ID!) {
    assignment(id: $id) { id taskText dueOn unit { name } }
  }
`);

function ExtensionCell({ id, field }: { id: string; field: 'unit' | 'task' | 'due' }) {
  const [{ data }] = useQuery({ query: ExtensionRow, variables: { id } });
  const a = data?.assignment;
  if (!a) return null;
  return field === 'unit' ? <>{a.unit.name}</> : field === 'due' ? <>{formatDay(a.dueOn)}</> : <Link to={`/nhiem-vu/${a.id}`}>{a.taskText}</Link>;
}

type Row = NonNullable<ReturnType<typeof useInbox>['rows']>[number];

function useInbox(unitCode: string) {
  const [{ data, fetching, error }] = useQuery({ query: InboxQuery, variables: { unitCode } });
  // Overdue first, then by due day (no due day last), as the unit works through them.
  const rows = data?.assignments
    .slice()
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.taskText.localeCompare(b.taskText, 'vi'));
  return { rows, fetching, error };
}

export default function Inbox() {
  const session = currentSession();
  const unitCode = session?.unit?.code ?? '';
  const [params, update] = useUrlState();
  const { rows, fetching, error } = useInbox(unitCode);
  const [extensions] = useQuery({ query: ExtensionsToDecide, variables: { unitCode } });
  const toDecide = extensions.data?.assignments.filter((a) => a.extension?.status === 'REQUESTED' && a.assignerCode === unitCode) ?? [];
  const kind = params.get('loai') === 'ke-hoach' ? 'IMPLEMENTING_PLAN' : 'TASK';
  const q = (params.get('q') ?? '').toLocaleLowerCase('vi');
  const shown = (rows ?? []).filter((r) => r.kind === kind && (!q || `${r.taskText} ${r.planNumber} ${r.planTitle}`.toLocaleLowerCase('vi').includes(q)));
  const overdue = (rows ?? []).filter((r) => r.overdue).length;
  const owedPlans = (rows ?? []).filter((r) => r.kind === 'IMPLEMENTING_PLAN').length;

  return (
    <div className="page">
      <h1>Việc cần làm</h1>
      <p className="muted">
        {session?.unit?.name} · {rows ? `${rows.length} việc đang mở, ${overdue} quá hạn` : 'Đang tải…'}
      </p>
      {problemsOf(error).map((p) => (
        <Alert key={p.message} type="error" title={p.message} showIcon role="alert" />
      ))}
      {toDecide.length > 0 && (
        <section aria-labelledby="extensions-heading">
          <h2 id="extensions-heading">Đề nghị gia hạn chờ quyết định ({toDecide.length})</h2>
          <Table
            size="small"
            rowKey="id"
            dataSource={toDecide}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            columns={[
              { title: 'Đơn vị', render: (_, r) => <ExtensionCell id={r.id} field="unit" /> },
              { title: 'Nhiệm vụ', render: (_, r) => <ExtensionCell id={r.id} field="task" /> },
              { title: 'Hạn hiện tại', render: (_, r) => <ExtensionCell id={r.id} field="due" /> },
              { title: 'Hạn đề nghị', render: (_, r) => formatDay(r.extension?.requestedDueOn) },
              { title: 'Lý do', render: (_, r) => r.extension?.reason },
            ]}
          />
        </section>
      )}
      <div className="filters" style={{ marginTop: 12 }}>
        <Segmented
          aria-label="Loại việc"
          value={kind}
          onChange={(value) => update({ loai: value === 'IMPLEMENTING_PLAN' ? 'ke-hoach' : null, trang: null })}
          options={[
            { label: 'Nhiệm vụ được giao', value: 'TASK' },
            { label: `Kế hoạch triển khai phải ban hành (${owedPlans})`, value: 'IMPLEMENTING_PLAN' },
          ]}
        />
        <label>
          Tìm nhiệm vụ
          <Input.Search allowClear defaultValue={params.get('q') ?? ''} onSearch={(value) => update({ q: value, trang: null })} placeholder="Nội dung, số kế hoạch" style={{ width: 320 }} />
        </label>
      </div>
      <div className="table-scroll">
        <Table<Row>
          rowKey="id"
          loading={fetching && !rows}
          dataSource={shown}
          pagination={{ current: Number(params.get('trang') ?? 1), pageSize: 20, showSizeChanger: false, onChange: (page) => update({ trang: page }), showTotal: (total) => `${total} việc` }}
          columns={[
            { title: 'Hạn', width: 110, render: (_, r) => (r.dueOn ? formatDay(r.dueOn) : r.timeframeText) },
            {
              title: kind === 'TASK' ? 'Nhiệm vụ' : 'Kế hoạch phải ban hành',
              render: (_, r) => (
                <div>
                  <Link to={`/nhiem-vu/${r.id}`}>{r.taskText}</Link>
                  <div className="muted">
                    <Link to={`/ke-hoach/${r.planId}`}>Kế hoạch {r.planNumber}</Link> · {r.planTitle}
                  </div>
                </div>
              ),
            },
            { title: 'Trạng thái', width: 190, render: (_, r) => <><AssignmentStatusTag status={r.status} overdue={r.overdue} />{r.extension?.status === 'REQUESTED' && <Tag>Đang xin gia hạn</Tag>}</> },
            { title: 'Tiến độ', width: 140, render: (_, r) => <PercentBar value={r.percent} label={`Tiến độ ${r.percent}%`} /> },
          ]}
        />
      </div>
    </div>
  );
}
