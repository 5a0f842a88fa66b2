import { Button, Input } from 'antd';
import { PercentBar } from '../components/PercentBar';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { formatDay } from '../lib/format';
import { currentSession } from '../lib/session';
import { PlanStatusTag } from '../lib/status';
import { urlYear, useUrlState } from '../lib/url';
import { SelectFilter, UrlPagedTable, UrlTextFilter, YearFilter } from '../components/UrlList';

const PlansQuery = graphql(`
  query Plans($issuerCode: ID, $year: Int, $scope: ID) {
    plans(issuerCode: $issuerCode, year: $year) {
      id
      number
      title
      year
      status
      issuedOn
      documentDate
      issuer {
        code
        name
      }
      progress(unitCode: $scope) {
        percentComplete
        total
        overdue
      }
    }
  }
`);

export default function Plans() {
  const session = currentSession();
  const [params, update] = useUrlState();
  const year = urlYear(params);
  const issuerCode = params.get('don-vi') || undefined;
  const status = params.get('trang-thai') || undefined;
  const q = (params.get('q') ?? '').toLocaleLowerCase('vi');
  const [{ data, fetching, error }] = useQuery({ query: PlansQuery, variables: { issuerCode, year, scope: session?.unit?.code } });
  const rows = (data?.plans ?? []).filter((p) => (!status || p.status === status) && (!q || `${p.number} ${p.title}`.toLocaleLowerCase('vi').includes(q)));
  return (
    <div className="page">
      <h1>Kế hoạch</h1>
      <div className="filters">
        <YearFilter />
        <UrlTextFilter label="Mã đơn vị ban hành" param="don-vi" width={140} paged allowClear placeholder={session?.unit?.code} />
        <SelectFilter
          label="Trạng thái"
          allowClear
          width={160}
          value={status}
          onChange={(v) => update({ 'trang-thai': v ?? null, trang: null })}
          options={[
            { value: 'DRAFT', label: 'Dự thảo' },
            { value: 'ISSUED', label: 'Đã ban hành' },
            { value: 'CLOSED', label: 'Kết thúc' },
          ]}
        />
        <label>
          Tìm
          <Input.Search
            aria-label="Tìm theo số, tên kế hoạch"
            allowClear
            defaultValue={params.get('q') ?? ''}
            onSearch={(v) => update({ q: v, trang: null })}
            style={{ width: 260 }}
          />
        </label>
        <Link to="/ke-hoach/moi">
          <Button type="primary">Soạn kế hoạch</Button>
        </Link>
      </div>
      <UrlPagedTable
        rows={rows}
        loading={fetching && !data}
        error={error}
        noun="kế hoạch"
        columns={[
          { title: 'Số', width: 140, render: (_, p) => <Link to={`/ke-hoach/${p.id}`}>{p.number}</Link> },
          { title: 'Tên kế hoạch', render: (_, p) => <Link to={`/ke-hoach/${p.id}`}>{p.title}</Link> },
          { title: 'Đơn vị ban hành', render: (_, p) => p.issuer.name },
          { title: 'Ngày', width: 110, render: (_, p) => formatDay(p.issuedOn ?? p.documentDate) },
          { title: 'Trạng thái', width: 120, render: (_, p) => <PlanStatusTag status={p.status} /> },
          {
            title: 'Tỷ lệ hoàn thành',
            width: 170,
            render: (_, p) =>
              p.progress && p.progress.total > 0 ? (
                <Link to={`/ke-hoach/${p.id}/theo-doi`} aria-label={`Theo dõi tiến độ ${p.number}`}>
                  <PercentBar value={p.progress.percentComplete} />
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}
