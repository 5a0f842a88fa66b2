import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { Breadcrumb, Button, Space, Table } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import { NotLoaded, ProblemAlerts } from '../components/ProblemAlerts';
import { Pager } from '../components/Pager';
import { PercentBar } from '../components/PercentBar';
import { dashboardSheets } from '../lib/dashboard-export';
import { problemsOf } from '../lib/errors';
import { downloadWorkbook } from '../lib/excel';
import { formatDay, formatNumber, formatPercent } from '../lib/format';
import { planName } from '../lib/plan-name';
import { dueState, vietnamToday } from '../lib/due';
import { AssignmentStatusTag, StatusLegend } from '../lib/status';
import { useUrlState } from '../lib/url';

// The chart's code (ECharts, the largest part of the page) starts loading with the page's query,
// not once the figures have arrived: the two travel side by side.
const chartCode = import('../components/ProgressChart');
// A failed load is reported where the chart is drawn (lazy), not as an unhandled rejection here.
chartCode.catch(() => undefined);
const ProgressChart = lazy(() => chartCode);

const DashboardQuery = graphql(`
  query Dashboard($id: ID!, $unitCode: ID) {
    plan(id: $id) {
      id
      number
      title
      issuedOn
      documentDate
      issuerCode
      issuer {
        code
        name
        level
      }
      progress(unitCode: $unitCode) {
        ...DashboardProgressCounts
        unit {
          code
          name
          level
          ancestors {
            code
            name
          }
        }
        children {
          ...DashboardProgressCounts
          unit {
            code
            name
            level
          }
        }
      }
    }
  }
  fragment DashboardProgressCounts on PlanProgress {
    unitCode
    total
    assigned
    accepted
    inProgress
    completed
    overdue
    cancelled
    percentComplete
  }
`);

// Open, not yet overdue (the first page, earliest due first): the ones due within 7 days are picked here. On the screen only
// the tasks service's own fields, so a province's thousands of rows stay cheap (unit names come per row shown); for the export
// ($named) every row's unit is named, asked only when exporting.
const DueSoonQuery = graphql(`
  query DashboardDueSoon($unitCode: ID!, $planId: ID!, $named: Boolean!) {
    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false, limit: 1000) {
      items {
        id
        taskText
        dueOn
        status
        overdue
        percent
        unitCode
        unit @include(if: $named) {
          code
          name
        }
      }
    }
  }
`);
const UnitName = graphql(`
  query DashboardUnitName($code: ID!) {
    unit(code: $code) {
      code
      name
    }
  }
`);

function UnitNameCell({ code }: { code: string }) {
  const [{ data }] = useQuery({ query: UnitName, variables: { code } });
  return <>{data?.unit?.name ?? code}</>;
}

// One page of the overdue list at a time (the server pages it: a province's plan has thousands).
const OverdueQuery = graphql(`
  query DashboardOverdue($unitCode: ID!, $planId: ID!, $offset: Int!, $limit: Int!) {
    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, overdue: true, offset: $offset, limit: $limit) {
      total
      items {
        id
        taskText
        dueOn
        status
        percent
        unit {
          code
          name
        }
      }
    }
  }
`);
const OVERDUE_PAGE = 20;
const UNIT_PAGE = 60;

interface Listed {
  readonly id: string;
  readonly taskText: string;
  readonly dueOn?: string | null;
  readonly percent: number;
}

/** A list of assignments under the figures, a page at a time (`total`: the server's count, else the rows'): unit, task, due day, [status,] progress. */
function AssignmentList<T extends Listed>(props: {
  rows: T[];
  loading: boolean;
  page: number;
  pageSize: number;
  total?: number;
  onPage: (page: number) => void;
  unit: (row: T) => ReactNode;
  status?: (row: T) => ReactNode;
}) {
  const { status } = props;
  return (
    <div className="table-scroll">
      <Table
        rowKey="id"
        size="small"
        loading={props.loading}
        dataSource={props.rows}
        pagination={{
          current: props.page,
          pageSize: props.pageSize,
          ...(props.total === undefined ? {} : { total: props.total }),
          showSizeChanger: false,
          onChange: props.onPage,
        }}
        columns={[
          { title: 'Đơn vị', render: (_, a) => props.unit(a) },
          { title: 'Nhiệm vụ', render: (_, a) => <Link to={`/nhiem-vu/${a.id}`}>{a.taskText}</Link> },
          { title: 'Hạn', render: (_, a) => formatDay(a.dueOn) },
          ...(status ? [{ title: 'Trạng thái', render: (_: unknown, a: T) => status(a) }] : []),
          { title: 'Tiến độ', render: (_, a) => formatPercent(a.percent) },
        ]}
      />
    </div>
  );
}

export default function Dashboard() {
  const { id = '' } = useParams();
  const [params, update] = useUrlState();
  const unitCode = params.get('don-vi') || undefined;
  const client = useClient();
  const [{ data, fetching, error }] = useQuery({ query: DashboardQuery, variables: { id, unitCode } });
  const plan = data?.plan;
  const progress = plan?.progress;
  // The table by unit and the chart come from the one query above. The two lists are asked
  // side by side once the chart is drawn: on a busy server they would otherwise hold up the
  // figures people open the page for.
  const [chartDrawnFor, setChartDrawnFor] = useState<string | null>(null);
  const listsReady = !!progress && (chartDrawnFor === progress.unitCode || progress.children.length === 0);
  const overduePage = Number(params.get('trang') ?? 1);
  const [overdue] = useQuery({
    query: OverdueQuery,
    variables: { unitCode: progress?.unitCode ?? '', planId: id, offset: (overduePage - 1) * OVERDUE_PAGE, limit: OVERDUE_PAGE },
    pause: !listsReady,
  });
  const [dueSoon] = useQuery({ query: DueSoonQuery, variables: { unitCode: progress?.unitCode ?? '', planId: id, named: false }, pause: !listsReady });
  const [exporting, setExporting] = useState(false);
  const [exportProblems, setExportProblems] = useState<string[]>([]);
  // Sorted once per answer: the chart is drawn again only when its figures change.
  const rows = useMemo(() => (progress?.children ?? []).slice().sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi')), [progress]);
  const chartRows = useMemo(
    () => rows.map((r) => ({ name: r.unit.name, completed: r.completed, overdue: r.overdue, open: r.total - r.cancelled - r.completed - r.overdue })),
    [rows],
  );
  if (!plan) return <NotLoaded fetching={fetching} error={error} missing="Không tìm thấy kế hoạch." />;
  if (!progress) return <div className="page">Kế hoạch chưa có nhiệm vụ được giao trong đơn vị này.</div>;

  // From the issuer down to the unit shown: the drill-down path.
  const chain = [...progress.unit.ancestors].reverse();
  const from = chain.findIndex((u) => u.code === plan.issuerCode);
  const path = from >= 0 ? chain.slice(from) : [];
  const unitPage = Number(params.get('trang-don-vi') ?? 1);
  const unitRows = rows.slice((unitPage - 1) * UNIT_PAGE, unitPage * UNIT_PAGE);
  const overdueRows = overdue.data?.assignmentPage.items ?? [];
  const overdueTotal = overdue.data?.assignmentPage.total ?? 0;
  const today = vietnamToday();
  const dueSoonRows = (dueSoon.data?.assignmentPage.items ?? [])
    .filter((a) => dueState(a, today) === 'soon')
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  const title = `${planName(plan)} — Theo dõi tiến độ: ${progress.unit.name}`;

  // What the screen shows, with both lists whole (the screen pages them): asked again at the moment of export.
  const exportExcel = async () => {
    setExporting(true);
    setExportProblems([]);
    const variables = { unitCode: progress.unitCode, planId: id };
    const [allOverdue, allDueSoon] = await Promise.all([
      client.query(OverdueQuery, { ...variables, offset: 0, limit: 1000 }, { requestPolicy: 'network-only' }).toPromise(),
      client.query(DueSoonQuery, { ...variables, named: true }, { requestPolicy: 'network-only' }).toPromise(),
    ]);
    const problems = [...problemsOf(allOverdue.error), ...problemsOf(allDueSoon.error)].map((p) => p.message);
    if (problems.length || !allOverdue.data || !allDueSoon.data) {
      setExporting(false);
      setExportProblems(problems.length ? problems : ['Không xuất được tệp Excel. Vui lòng thử lại.']);
      return;
    }
    const exportToday = vietnamToday();
    const soon = allDueSoon.data.assignmentPage.items
      .filter((a) => dueState(a, exportToday) === 'soon')
      .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
    await downloadWorkbook(
      `tien-do-${plan.number.replace(/[^\p{L}\p{N}]+/gu, '-')}-${progress.unitCode}.xlsx`,
      dashboardSheets({
        title,
        progress,
        children: rows,
        overdue: allOverdue.data.assignmentPage.items.map((a) => ({ ...a, unitName: a.unit.name })),
        overdueTotal: allOverdue.data.assignmentPage.total,
        dueSoon: soon.map((a) => ({ ...a, unitName: a.unit?.name ?? a.unitCode })),
      }),
    );
    setExporting(false);
  };

  return (
    <div className="page">
      <h1>Theo dõi tiến độ</h1>
      <p style={{ marginTop: 0 }}>
        <Link to={`/ke-hoach/${plan.id}`}>{planName(plan)}</Link> — {plan.title}
      </p>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[...path, { code: progress.unitCode, name: progress.unit.name }].map((u, i, all) => ({
          key: u.code,
          title:
            i === all.length - 1 ? (
              <span aria-current="page">{u.name}</span>
            ) : (
              <a
                href={`?don-vi=${u.code}`}
                onClick={(e) => {
                  e.preventDefault();
                  update({ 'don-vi': u.code === plan.issuerCode ? null : u.code, trang: null, 'trang-sap-han': null, 'trang-don-vi': null });
                }}
              >
                {u.name}
              </a>
            ),
        }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <span>
          Tỷ lệ hoàn thành: <strong>{formatPercent(progress.percentComplete)}</strong> ({formatNumber(progress.completed)}/
          {formatNumber(progress.total - progress.cancelled)} nhiệm vụ)
        </span>
        <span>
          Sắp đến hạn (trong 7 ngày): <strong style={{ color: dueSoonRows.length ? '#7c4a00' : undefined }}>{formatNumber(dueSoonRows.length)}</strong>
        </span>
        <span>
          Số nhiệm vụ quá hạn: <strong style={{ color: progress.overdue ? '#cf1322' : undefined }}>{formatNumber(progress.overdue)}</strong>
        </span>
        <Button onClick={exportExcel} loading={exporting}>
          Xuất Excel
        </Button>
      </Space>
      <ProblemAlerts problems={exportProblems.map((message) => ({ message }))} gap={12} />
      <StatusLegend />
      {rows.length > 0 && (
        <Suspense fallback={<div style={{ height: 320 }}>Đang vẽ biểu đồ…</div>}>
          <ProgressChart
            title={`Biểu đồ tiến độ theo đơn vị trực thuộc ${progress.unit.name}`}
            rows={chartRows}
            onDrawn={() => setChartDrawnFor(progress.unitCode)}
          />
        </Suspense>
      )}
      <h2>Theo đơn vị</h2>
      <div className="table-scroll">
        {/* A plain table, drawn with the figures: the data grid's code and styles wait for the lists below. */}
        <table className="appendix units-progress">
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              {['Tổng', 'Đã giao', 'Đã tiếp nhận', 'Đang thực hiện', 'Hoàn thành', 'Quá hạn'].map((h) => (
                <th key={h} scope="col" className="num">
                  {h}
                </th>
              ))}
              <th scope="col" style={{ width: 170 }}>
                Tỷ lệ hoàn thành
              </th>
            </tr>
          </thead>
          <tbody>
            {unitRows.map((r) => (
              <tr key={r.unitCode} className="ant-table-row">
                <td>
                  {r.unit.level === 'AGENCY' && r.total === 0 ? (
                    r.unit.name
                  ) : (
                    <a
                      href={`?don-vi=${r.unitCode}`}
                      onClick={(e) => {
                        e.preventDefault();
                        update({ 'don-vi': r.unitCode, trang: null, 'trang-sap-han': null, 'trang-don-vi': null });
                      }}
                    >
                      {r.unit.name}
                    </a>
                  )}
                </td>
                <td className="num">{formatNumber(r.total)}</td>
                <td className="num">{formatNumber(r.assigned)}</td>
                <td className="num">{formatNumber(r.accepted)}</td>
                <td className="num">{formatNumber(r.inProgress)}</td>
                <td className="num">{formatNumber(r.completed)}</td>
                <td className="num">{r.overdue ? <span style={{ color: '#cf1322' }}>{formatNumber(r.overdue)} quá hạn</span> : '0'}</td>
                <td>
                  <PercentBar value={r.percentComplete} label={`Tỷ lệ hoàn thành của ${r.unit.name}: ${formatPercent(r.percentComplete)}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > UNIT_PAGE && (
          <Pager
            label="Phân trang các đơn vị"
            page={unitPage}
            pageSize={UNIT_PAGE}
            total={rows.length}
            unit="đơn vị"
            onChange={(p) => update({ 'trang-don-vi': p })}
          />
        )}
      </div>
      <h2>Nhiệm vụ quá hạn ({formatNumber(overdueTotal)})</h2>
      <AssignmentList
        rows={overdueRows}
        loading={overdue.fetching && !overdue.data}
        page={overduePage}
        pageSize={OVERDUE_PAGE}
        total={overdueTotal}
        onPage={(page) => update({ trang: page })}
        unit={(a) => a.unit.name}
      />
      <h2>Sắp đến hạn trong 7 ngày ({formatNumber(dueSoonRows.length)})</h2>
      <AssignmentList
        rows={dueSoonRows}
        loading={dueSoon.fetching && !dueSoon.data}
        page={Number(params.get('trang-sap-han') ?? 1)}
        pageSize={20}
        onPage={(page) => update({ 'trang-sap-han': page })}
        unit={(a) => <UnitNameCell code={a.unitCode} />}
        status={(a) => <AssignmentStatusTag status={a.status} overdue={a.overdue} dueSoon />}
      />
    </div>
  );
}
