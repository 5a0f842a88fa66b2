import { useState } from 'react';
import { Button, Descriptions, Tag } from 'antd';
import { ListTable } from '../components/CardTable';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { problemsOf, type ApiProblem } from '../lib/errors';
import { downloadWorkbook } from '../lib/excel';
import { formatChange, formatDay, formatDayRange, formatNumber } from '../lib/format';
import { useMessage } from '../lib/feedback';
import { CAMPAIGN_STATUS } from './Scoring';
import { ProblemAlerts } from '../components/ProblemAlerts';

const CampaignQuery = graphql(`
  query CampaignPage($id: ID!) {
    assessmentCampaign(id: $id) {
      id
      title
      year
      status
      frameworkCode
      frameworkVersion
      entryFrom
      entryTo
      appraisalFrom
      appraisalTo
      publishedOn
      skippedCriteria
      owner {
        code
        name
      }
      obligations {
        unitCode
        unit {
          name
        }
        dueOn
        status
        text
        fulfilledByNumber
      }
    }
    assessments(campaignId: $id) {
      id
      unitCode
      unit {
        name
      }
      status
      selfResult {
        rescaledTotal
      }
      result {
        rescaledTotal
        grade
      }
    }
  }
`);
const RankingQuery = graphql(`
  query CampaignRanking($id: ID!) {
    ranking(campaignId: $id) {
      unitCode
      unit {
        name
      }
      total
      rescaledTotal
      percent
      rank
      of
      grade
      previousRank
      change
      improvementPlanOwed
    }
  }
`);
const Publish = graphql(`
  mutation PublishCampaign($id: ID!) {
    publishCampaignResults(campaignId: $id) {
      id
      status
    }
  }
`);

export const ASSESSMENT_STATUS: Record<string, string> = {
  OPEN: 'Đang tự chấm',
  SUBMITTED: 'Đã nộp, chờ thẩm định',
  RETURNED: 'Trả lại bổ sung',
  FINALISED: 'Đã chốt thẩm định',
};
const OBLIGATION_STATUS: Record<string, [string, string]> = {
  OWED: ['Chưa ban hành', 'orange'],
  FULFILLED: ['Đã ban hành', 'green'],
  LATE: ['Quá hạn', 'red'],
};

/** Một đợt chấm điểm: phiếu của từng đơn vị, công bố, xếp hạng, kế hoạch nâng cao chỉ số phải ban hành. */
export default function Campaign() {
  const { id = '' } = useParams();
  const [{ data, error }, refresh] = useQuery({ query: CampaignQuery, variables: { id } });
  const [ranking, refreshRanking] = useQuery({ query: RankingQuery, variables: { id } });
  const [, publish] = useMutation(Publish);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const message = useMessage();
  const campaign = data?.assessmentCampaign;
  const rows = ranking.data?.ranking ?? [];
  return (
    <div className="page">
      <h1>{campaign?.title ?? 'Đợt chấm điểm'}</h1>
      <ProblemAlerts problems={[...problemsOf(error), ...problems]} />
      {campaign && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ background: '#fff', marginBottom: 16 }}>
          <Descriptions.Item label="Đơn vị đánh giá">{campaign.owner.name}</Descriptions.Item>
          <Descriptions.Item label="Năm">{campaign.year}</Descriptions.Item>
          <Descriptions.Item label="Bộ chỉ số">{`${campaign.frameworkCode} (phiên bản ${campaign.frameworkVersion})`}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">{CAMPAIGN_STATUS[campaign.status] ?? campaign.status}</Descriptions.Item>
          <Descriptions.Item label="Tự chấm điểm">{formatDayRange(campaign.entryFrom, campaign.entryTo)}</Descriptions.Item>
          <Descriptions.Item label="Thẩm định">{formatDayRange(campaign.appraisalFrom, campaign.appraisalTo)}</Descriptions.Item>
          <Descriptions.Item label="Tiêu chí không chấm">{campaign.skippedCriteria.join(', ') || '—'}</Descriptions.Item>
          <Descriptions.Item label="Công bố">{formatDay(campaign.publishedOn) || 'Chưa công bố'}</Descriptions.Item>
        </Descriptions>
      )}
      <h2>Phiếu đánh giá</h2>
      <ListTable
        rowKey="id"
        rows={data?.assessments ?? []}
        columns={[
          { title: 'Đơn vị', render: (_, a) => <Link to={`/cham-diem/phieu/${a.id}`}>{a.unit.name}</Link> },
          { title: 'Trạng thái', render: (_, a) => ASSESSMENT_STATUS[a.status] ?? a.status },
          { title: 'Điểm tự chấm (quy đổi)', render: (_, a) => formatNumber(a.selfResult.rescaledTotal) },
          { title: 'Điểm thẩm định (quy đổi)', render: (_, a) => (a.result ? formatNumber(a.result.rescaledTotal) : '—') },
          { title: 'Xếp loại', render: (_, a) => a.result?.grade ?? '—' },
        ]}
      />
      {campaign?.status === 'OPEN' && (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          onClick={async () => {
            const result = await publish({ id });
            setProblems(problemsOf(result.error));
            if (result.data) {
              message.success('Đã công bố kết quả.');
              refresh({ requestPolicy: 'network-only' });
              refreshRanking({ requestPolicy: 'network-only' });
            }
          }}
        >
          Công bố
        </Button>
      )}
      <h2>Xếp hạng</h2>
      <ListTable
        rowKey="unitCode"
        rows={rows}
        emptyText="Chưa công bố."
        columns={[
          { title: 'Thứ hạng', render: (_, r) => `${r.rank}/${r.of}` },
          { title: 'Đơn vị', render: (_, r) => r.unit.name },
          { title: 'Tổng điểm', render: (_, r) => formatNumber(r.total) },
          { title: 'Điểm quy đổi', render: (_, r) => formatNumber(r.rescaledTotal) },
          { title: 'Xếp loại', dataIndex: 'grade' },
          {
            title: 'So với năm trước',
            render: (_, r) => formatChange(r.change),
          },
          { title: 'Kế hoạch nâng cao chỉ số', render: (_, r) => (r.improvementPlanOwed ? <Tag color="orange">Phải ban hành</Tag> : '') },
        ]}
      />
      {rows.length > 0 && campaign && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() =>
            downloadWorkbook(`xep-hang-cchc-${campaign.year}.xlsx`, [
              {
                name: 'Xếp hạng',
                title: `Xếp hạng chỉ số CCHC năm ${campaign.year} — ${campaign.owner.name}`,
                columns: [
                  { header: 'Thứ hạng', width: 10 },
                  { header: 'Đơn vị', width: 30 },
                  { header: 'Tổng điểm' },
                  { header: 'Điểm quy đổi' },
                  { header: 'Xếp loại' },
                  { header: 'So với năm trước' },
                ],
                rows: rows.map((r) => [`${r.rank}/${r.of}`, r.unit.name, r.total, r.rescaledTotal, r.grade ?? '', r.change ?? '']),
              },
            ])
          }
        >
          Xuất Excel
        </Button>
      )}
      {(campaign?.obligations.length ?? 0) > 0 && (
        <>
          <h2>Kế hoạch nâng cao chỉ số phải ban hành</h2>
          <ListTable
            rowKey="unitCode"
            rows={campaign?.obligations ?? []}
            columns={[
              { title: 'Đơn vị', render: (_, o) => o.unit.name },
              { title: 'Nội dung', dataIndex: 'text' },
              { title: 'Hạn', render: (_, o) => formatDay(o.dueOn) },
              {
                title: 'Tình trạng',
                render: (_, o) => (
                  <Tag color={OBLIGATION_STATUS[o.status]?.[1]}>
                    {OBLIGATION_STATUS[o.status]?.[0] ?? o.status}
                    {o.fulfilledByNumber ? ` (${o.fulfilledByNumber})` : ''}
                  </Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
