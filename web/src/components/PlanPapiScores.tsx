import { ListTable } from './CardTable';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { formatNumber } from '../lib/format';
import { PapiGroupTag } from './PapiGroupTag';

const PlanPapiScoresQuery = graphql(`
  query PlanPapiScores($id: ID!) {
    plan(id: $id) {
      id
      papiScores {
        indicatorCode
        dimensionCode
        dimensionName
        provinceCode
        year
        score
        rank
        group
        subScore
      }
    }
  }
`);

/** Beside a plan's PAPI sections: the province's latest score, rank and group of each dimension they aim at. */
export function PlanPapiScores({ planId }: { planId: string }) {
  const [{ data }] = useQuery({ query: PlanPapiScoresQuery, variables: { id: planId } });
  const rows = data?.plan?.papiScores ?? [];
  if (rows.length === 0) return null;
  return (
    <>
      <h2>Điểm PAPI của tỉnh năm {rows[0].year} theo các mục của kế hoạch</h2>
      <ListTable
        rowKey="indicatorCode"
        rows={rows}
        columns={[
          { title: 'Mục', render: (_, r) => `PAPI ${r.indicatorCode}` },
          { title: 'Chỉ số nội dung', render: (_, r) => `${r.dimensionCode}. ${r.dimensionName}` },
          { title: 'Điểm', render: (_, r) => (r.score === null || r.score === undefined ? 'Không xếp hạng' : formatNumber(r.score)) },
          { title: 'Điểm nội dung thành phần', render: (_, r) => (r.subScore === null || r.subScore === undefined ? '—' : formatNumber(r.subScore)) },
          { title: 'Thứ hạng', render: (_, r) => r.rank ?? '—' },
          { title: 'Nhóm', render: (_, r) => <PapiGroupTag group={r.group} /> },
        ]}
      />
    </>
  );
}
