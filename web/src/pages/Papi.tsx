import { Table, Tag } from 'antd';
import { ListTable } from '../components/CardTable';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problemsOf } from '../lib/errors';
import { formatChange, formatNumber } from '../lib/format';
import { useUrlState } from '../lib/url';
import { ProblemAlerts } from '../components/ProblemAlerts';
import { PapiGroupTag } from '../components/PapiGroupTag';
import { SelectFilter } from '../components/UrlList';

const PapiQuery = graphql(`
  query PapiPage($year: Int!) {
    papiYears {
      year
    }
    papiResults(year: $year) {
      provinceCode
      provinceName
      ranked
      total
      rank
      rankedCount
      group
      totalChange
      rankChange
      dimensions {
        code
        name
        score
        group
      }
    }
  }
`);
const ProfileQuery = graphql(`
  query PapiProfilePage($code: ID!) {
    papiProfile(provinceCode: $code) {
      year
      ranked
      total
      rank
      rankedCount
      group
      rankChange
      dimensions {
        code
        score
        group
      }
    }
  }
`);

/** Kết quả PAPI: bảng các tỉnh của một năm (thứ hạng, nhóm theo từng chỉ số nội dung), hồ sơ một tỉnh qua các năm. */
export default function Papi() {
  const [params, update] = useUrlState();
  const year = Number(params.get('nam') ?? 2024);
  const province = params.get('tinh');
  const [{ data, error }] = useQuery({ query: PapiQuery, variables: { year } });
  const [profile] = useQuery({ query: ProfileQuery, variables: { code: province ?? '' }, pause: !province });
  const dimensions = data?.papiResults[0]?.dimensions ?? [];
  return (
    <div className="page">
      <h1>Kết quả PAPI</h1>
      <ProblemAlerts problems={problemsOf(error)} />
      <div className="filters">
        <SelectFilter
          label="Năm"
          value={year}
          width={100}
          options={(data?.papiYears ?? []).map((y) => ({ value: y.year, label: y.year }))}
          onChange={(value) => update({ nam: value })}
        />
      </div>
      {province && profile.data && (
        <>
          <h2>Hồ sơ PAPI của {data?.papiResults.find((r) => r.provinceCode === province)?.provinceName ?? province}</h2>
          <ListTable
            rowKey="year"
            rows={profile.data.papiProfile}
            columns={[
              { title: 'Năm', dataIndex: 'year' },
              { title: 'Tổng điểm', render: (_, r) => (r.ranked ? formatNumber(r.total ?? 0) : 'Không xếp hạng') },
              { title: 'Thứ hạng', render: (_, r) => (r.rank ? `${r.rank}/${r.rankedCount}` : '—') },
              { title: 'Nhóm', render: (_, r) => <PapiGroupTag group={r.group} /> },
              {
                title: 'Thay đổi thứ hạng',
                render: (_, r) => formatChange(r.rankChange),
              },
            ]}
          />
        </>
      )}
      <h2>Các tỉnh năm {year}</h2>
      <Table
        rowKey="provinceCode"
        size="small"
        pagination={{ pageSize: 63, hideOnSinglePage: true }}
        dataSource={data?.papiResults ?? []}
        scroll={{ x: 1200 }}
        columns={[
          { title: 'Hạng', render: (_, r) => r.rank ?? '—', width: 60 },
          { title: 'Tỉnh', render: (_, r) => <a onClick={() => update({ tinh: r.provinceCode })}>{r.provinceName}</a> },
          { title: 'Tổng điểm', render: (_, r) => (r.ranked ? formatNumber(r.total ?? 0) : <Tag>Không xếp hạng</Tag>) },
          { title: 'Nhóm', render: (_, r) => <PapiGroupTag group={r.group} /> },
          {
            title: 'So với năm trước',
            render: (_, r) => formatChange(r.rankChange, ' bậc'),
          },
          ...dimensions.map((d, i) => ({
            title: <span title={d.name}>{`Chỉ số ${d.code}`}</span>,
            render: (_: unknown, r: (typeof data & object)['papiResults'][number]) =>
              r.dimensions[i].score === null ? (
                '—'
              ) : (
                <>
                  {formatNumber(r.dimensions[i].score ?? 0)} <PapiGroupTag group={r.dimensions[i].group} />
                </>
              ),
          })),
        ]}
      />
    </div>
  );
}
