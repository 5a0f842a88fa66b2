import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Table, Tag, Upload, type TableColumnType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { fieldPath, problemsOf, type ApiProblem } from '../lib/errors';
import { formatDay, formatDayRange } from '../lib/format';
import { columnsOf } from '../lib/columns';
import { ListTable } from '../components/CardTable';
import { currentSession } from '../lib/session';
import { useMessage } from '../lib/feedback';
import { ProblemAlerts } from '../components/ProblemAlerts';

const CampaignsQuery = graphql(`
  query ScoringCampaigns($unit: ID!) {
    owned: assessmentCampaigns(unitCode: $unit) {
      ...ScoringCampaignPeriods
      publishedOn
      unitCodes
    }
    assessed: assessmentCampaigns(unitCode: $unit, assessed: true) {
      ...ScoringCampaignPeriods
      owner {
        code
        name
      }
    }
    unitAssessments(unitCode: $unit) {
      id
      campaignId
      year
      status
    }
    frameworks {
      code
      version
      kind
      name
      year
      level
      issuerCode
      illustrative
    }
  }
  fragment ScoringCampaignPeriods on AssessmentCampaign {
    id
    title
    year
    status
    entryFrom
    entryTo
    appraisalFrom
    appraisalTo
  }
`);
const LoadIndexSet = graphql(`
  mutation LoadIndexSet($file: FileContent!, $fileName: String) {
    loadIndexSetFromExcel(file: $file, fileName: $fileName) {
      code
      version
      name
      illustrative
    }
  }
`);
const OpenCampaign = graphql(`
  mutation OpenCampaign($input: CampaignInput!) {
    openAssessmentCampaign(input: $input) {
      id
    }
  }
`);

export const CAMPAIGN_STATUS: Record<string, string> = { OPEN: 'Đang chấm điểm', PUBLISHED: 'Đã công bố' };

/** The columns both campaign tables show, built for either table's row type. */
function campaignColumns<Row extends { id: string; title: string; year: number; status: string }>() {
  const column = columnsOf<Row>();
  const status: TableColumnType<Row> = { title: 'Trạng thái', render: (_, c) => <Tag>{CAMPAIGN_STATUS[c.status] ?? c.status}</Tag> };
  return {
    title: column.link(
      'Đợt đánh giá',
      (c) => `/cham-diem/dot/${c.id}`,
      (c) => c.title,
    ),
    year: column.field('Năm', 'year'),
    status,
  };
}

/** Chấm điểm CCHC: the campaigns the unit opened or is assessed in; a manager loads an index set and opens the year's campaign. */
export default function Scoring() {
  const session = currentSession();
  const unit = session?.unit?.code ?? '';
  const [{ data, error }, refresh] = useQuery({ query: CampaignsQuery, variables: { unit }, pause: !unit });
  const assessedCampaigns = data?.assessed ?? [];
  const ownedCampaigns = data?.owned ?? [];
  const assessed = campaignColumns<(typeof assessedCampaigns)[number]>();
  const owned = campaignColumns<(typeof ownedCampaigns)[number]>();
  const [, load] = useMutation(LoadIndexSet);
  const [, open] = useMutation(OpenCampaign);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const message = useMessage();
  const navigate = useNavigate();
  const manager = !!session?.roles.some((r) => r.role === 'UNIT_MANAGER' || r.role === 'PLATFORM_ADMIN');
  const sets = (data?.frameworks ?? []).filter((f) => f.kind === 'PAR_INDEX_SET');
  const assessmentOf = new Map((data?.unitAssessments ?? []).map((a) => [a.campaignId, a]));
  const [form] = Form.useForm();
  const fieldError = (name: string) => problems.find((p) => fieldPath(p.field)?.startsWith(name))?.message;

  return (
    <div className="page">
      <h1>Chấm điểm CCHC</h1>
      <ProblemAlerts problems={problemsOf(error)} />
      <p>
        <Link to="/cham-diem/papi">Kết quả PAPI các tỉnh</Link>
      </p>
      <h2>Đơn vị được đánh giá</h2>
      <ListTable
        rows={assessedCampaigns}
        emptyText="Chưa có đợt đánh giá nào."
        columns={[
          assessed.title,
          assessed.year,
          { title: 'Đơn vị đánh giá', render: (_, c) => c.owner.name },
          { title: 'Tự chấm điểm', render: (_, c) => formatDayRange(c.entryFrom, c.entryTo) },
          { title: 'Thẩm định', render: (_, c) => formatDayRange(c.appraisalFrom, c.appraisalTo) },
          assessed.status,
          {
            title: 'Phiếu của đơn vị',
            render: (_, c) => (assessmentOf.get(c.id) ? <Link to={`/cham-diem/phieu/${assessmentOf.get(c.id)?.id}`}>Tự chấm điểm</Link> : '—'),
          },
        ]}
      />
      <h2>Đợt đánh giá đơn vị đã mở</h2>
      <ListTable
        rows={ownedCampaigns}
        emptyText="Đơn vị chưa mở đợt đánh giá nào."
        columns={[
          owned.title,
          owned.year,
          { title: 'Số đơn vị', render: (_, c) => c.unitCodes.length },
          owned.status,
          { title: 'Công bố', render: (_, c) => formatDay(c.publishedOn) || '—' },
        ]}
      />
      {manager && (
        <>
          <h2>Bộ chỉ số</h2>
          <Table
            rowKey={(f) => `${f.code}-${f.version}`}
            size="small"
            pagination={false}
            dataSource={sets}
            columns={[
              {
                title: 'Bộ chỉ số',
                render: (_, f) => (
                  <>
                    {f.name} {f.illustrative && <Tag color="orange">Minh họa</Tag>}
                  </>
                ),
              },
              { title: 'Năm', dataIndex: 'year' },
              { title: 'Phiên bản', dataIndex: 'version' },
            ]}
          />
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={async (file) => {
              const bytes = new Uint8Array(await file.arrayBuffer());
              let binary = '';
              bytes.forEach((b) => (binary += String.fromCharCode(b)));
              const result = await load({ file: btoa(binary), fileName: file.name });
              setProblems(problemsOf(result.error));
              if (result.data) {
                message.success(`Đã nạp ${result.data.loadIndexSetFromExcel.name} (phiên bản ${result.data.loadIndexSetFromExcel.version}).`);
                refresh({ requestPolicy: 'network-only' });
              }
              return false;
            }}
          >
            <Button>Nạp bộ chỉ số từ Excel</Button>
          </Upload>
          <h2>Mở đợt chấm điểm</h2>
          <ProblemAlerts problems={problems} gap={8} />
          <Form
            form={form}
            layout="vertical"
            style={{ maxWidth: 640, background: '#fff', padding: 16 }}
            onFinish={async (values) => {
              const set = sets.find((s) => s.code === values.frameworkCode);
              const result = await open({
                input: {
                  title: values.title,
                  ownerCode: unit,
                  year: set?.year ?? new Date().getFullYear(),
                  frameworkCode: values.frameworkCode,
                  entryWindow: { from: values.entry[0].format('YYYY-MM-DD'), to: values.entry[1].format('YYYY-MM-DD') },
                  appraisalWindow: { from: values.appraisal[0].format('YYYY-MM-DD'), to: values.appraisal[1].format('YYYY-MM-DD') },
                  skippedCriteria: values.skipped
                    ? values.skipped
                        .split(',')
                        .map((s: string) => s.trim())
                        .filter(Boolean)
                    : [],
                  improvement: values.bottomCount ? { bottomCount: values.bottomCount, withinDays: values.withinDays ?? 30 } : null,
                },
              });
              setProblems(problemsOf(result.error));
              if (result.data) navigate(`/cham-diem/dot/${result.data.openAssessmentCampaign.id}`);
            }}
          >
            <Form.Item name="title" label="Tên đợt đánh giá" rules={[{ required: true, message: 'Nhập tên đợt đánh giá.' }]} help={fieldError('title')}>
              <Input />
            </Form.Item>
            <Form.Item name="frameworkCode" label="Bộ chỉ số" rules={[{ required: true, message: 'Chọn bộ chỉ số.' }]} help={fieldError('frameworkCode')}>
              <Select options={sets.map((s) => ({ value: s.code, label: `${s.name} (phiên bản ${s.version})` }))} />
            </Form.Item>
            <Form.Item name="entry" label="Thời hạn tự chấm điểm" rules={[{ required: true, message: 'Chọn thời hạn.' }]} help={fieldError('entryWindow')}>
              <DatePicker.RangePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="appraisal" label="Thời hạn thẩm định" rules={[{ required: true, message: 'Chọn thời hạn.' }]} help={fieldError('appraisalWindow')}>
              <DatePicker.RangePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="skipped" label="Tiêu chí bỏ qua cho mọi đơn vị (mã, cách nhau bằng dấu phẩy)" help={fieldError('skippedCriteria')}>
              <Input placeholder="8.1" />
            </Form.Item>
            <Form.Item name="bottomCount" label="Số đơn vị cuối bảng phải ban hành kế hoạch nâng cao chỉ số" help={fieldError('improvement')}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="withinDays" label="Trong số ngày kể từ ngày công bố">
              <InputNumber min={1} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              Mở đợt chấm điểm
            </Button>
          </Form>
        </>
      )}
    </div>
  );
}
