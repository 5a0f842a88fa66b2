import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { PercentBar } from '../components/PercentBar';
import { formatDay, formatNumber } from '../lib/format';
import { urlYear, useUrlState } from '../lib/url';
import { UrlPagedTable, YearFilter } from '../components/UrlList';

const PublicPlans = graphql(`
  query PublicPlans($provinceCode: ID!, $year: Int) {
    publicPlans(provinceCode: $provinceCode, year: $year) {
      id
      number
      title
      year
      issuedOn
      issuerName
      status
    }
  }
`);
const PublicProgress = graphql(`
  query PublicProgress($planIds: [ID!]!) {
    publicPlanProgress(planIds: $planIds) {
      planId
      total
      completed
      overdue
      percentComplete
    }
  }
`);

/** Công khai kết quả thực hiện: what the province promised and how far it got, without signing in. */
export default function Public() {
  const [params] = useUrlState();
  const provinceCode = params.get('tinh') ?? '49';
  const year = urlYear(params);
  const [{ data, fetching, error }] = useQuery({ query: PublicPlans, variables: { provinceCode, year } });
  const plans = data?.publicPlans ?? [];
  const [progress] = useQuery({ query: PublicProgress, variables: { planIds: plans.map((p) => p.id).slice(0, 500) }, pause: !plans.length });
  const byPlan = new Map((progress.data?.publicPlanProgress ?? []).map((p) => [p.planId, p]));
  return (
    <main className="page" style={{ margin: '0 auto' }}>
      <h1>Công khai kết quả thực hiện</h1>
      <p className="muted">Các kế hoạch cải cách hành chính đã ban hành trên địa bàn tỉnh và tiến độ thực hiện (số liệu tổng hợp).</p>
      <div className="filters">
        <YearFilter />
        <Link to="/dang-nhap">Đăng nhập</Link>
      </div>
      <UrlPagedTable
        rows={plans}
        loading={fetching && !data}
        error={error}
        noun="kế hoạch"
        columns={[
          { title: 'Kế hoạch', render: (_, p) => `${p.number} ngày ${formatDay(p.issuedOn)}` },
          { title: 'Nội dung', dataIndex: 'title' },
          { title: 'Đơn vị ban hành', dataIndex: 'issuerName' },
          { title: 'Tình trạng', render: (_, p) => (p.status === 'CLOSED' ? 'Kết thúc' : 'Đã ban hành') },
          { title: 'Số nhiệm vụ', align: 'right', render: (_, p) => formatNumber(byPlan.get(p.id)?.total ?? 0) },
          { title: 'Số nhiệm vụ quá hạn', align: 'right', render: (_, p) => formatNumber(byPlan.get(p.id)?.overdue ?? 0) },
          {
            title: 'Tỷ lệ hoàn thành',
            width: 170,
            render: (_, p) => <PercentBar value={byPlan.get(p.id)?.percentComplete ?? 0} label={`Tỷ lệ hoàn thành kế hoạch ${p.number}`} />,
          },
        ]}
      />
    </main>
  );
}
