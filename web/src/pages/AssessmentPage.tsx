import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { fieldPath, problemsOf, type ApiProblem } from '../lib/errors';
import { downloadWorkbook } from '../lib/excel';
import { formatDay, formatDayRange, formatNumber } from '../lib/format';
import { currentSession } from '../lib/session';
import { useMessage } from '../lib/feedback';
import { ASSESSMENT_STATUS } from './Campaign';
import { saveBase64File } from '../lib/download';
import { ProblemAlerts } from '../components/ProblemAlerts';

const AssessmentQuery = graphql(`
  query AssessmentPage($id: ID!) {
    assessment(id: $id) {
      id
      campaignId
      unitCode
      unit {
        name
      }
      ownerCode
      year
      status
      maxTotal
      frameworkCode
      frameworkVersion
      entryFrom
      entryTo
      appraisalFrom
      appraisalTo
      selfResult {
        total
        rescaledTotal
        grade
      }
      result {
        total
        applicableMax
        rescaledTotal
        percent
        grade
      }
      criteria {
        code
        path
        name
        maxScore
        rule
        tiers {
          label
          score
        }
        scoredBy
        skippable
        illustrative
        evidenceRequired
        skippedByCampaign
        status
        selfScore
        notApplicable
        explanation
        files {
          sha256
          fileName
          size
        }
        citations {
          number
          date
          page
        }
        appraisedScore
        appraisalReason
        returnReason
      }
    }
  }
`);
const Score = graphql(`
  mutation ScoreCriterionPage($id: ID!, $input: CriterionScoreInput!) {
    scoreCriterion(assessmentId: $id, input: $input) {
      id
      status
    }
  }
`);
const Submit = graphql(`
  mutation SubmitSelfAssessmentPage($id: ID!) {
    submitSelfAssessment(id: $id) {
      id
      status
    }
  }
`);
const Appraise = graphql(`
  mutation AppraiseCriterionPage($id: ID!, $input: AppraisalInput!) {
    appraiseCriterion(assessmentId: $id, input: $input) {
      id
      status
    }
  }
`);
const Finalise = graphql(`
  mutation FinaliseAppraisalPage($id: ID!) {
    finaliseAppraisal(id: $id) {
      id
      status
    }
  }
`);
const ScorecardDocxQuery = graphql(`
  query AssessmentScorecardDocx($id: ID!) {
    assessmentScorecardDocx(id: $id) {
      fileName
      mediaType
      base64
    }
  }
`);
const EvidenceQuery = graphql(`
  query EvidenceFilePage($id: ID!, $sha: String!) {
    evidenceFile(assessmentId: $id, sha256: $sha) {
      fileName
      mediaType
      base64
    }
  }
`);

const RULE: Record<string, string> = { FIXED: 'Chấm điểm', YES_NO: 'Có/Không', TIERS: 'Theo mức', PERCENT_SCALE: 'Theo tỷ lệ %' };
const CRITERION_STATUS: Record<string, string> = {
  EMPTY: 'Chưa chấm',
  SCORED: 'Đã tự chấm',
  RETURNED: 'Trả lại bổ sung',
  ACCEPTED: 'Đồng ý',
  ADJUSTED: 'Điều chỉnh',
};
type Criterion = NonNullable<NonNullable<ReturnType<typeof useAssessment>['assessment']>['criteria']>[number];

function useAssessment(id: string) {
  const [{ data, error }, refresh] = useQuery({ query: AssessmentQuery, variables: { id } });
  return { assessment: data?.assessment, error, refresh: () => refresh({ requestPolicy: 'network-only' }) };
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Phiếu tự chấm điểm: đơn vị chấm từng tiêu chí (tài liệu kiểm chứng, văn bản dẫn chứng, giải trình); cấp trên thẩm định. */
export default function AssessmentPage() {
  const { id = '' } = useParams();
  const session = currentSession();
  const { assessment, error, refresh } = useAssessment(id);
  const [, score] = useMutation(Score);
  const [, submit] = useMutation(Submit);
  const [, appraise] = useMutation(Appraise);
  const [, finalise] = useMutation(Finalise);
  const client = useClient();
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [editing, setEditing] = useState<Criterion | null>(null);
  const [appraising, setAppraising] = useState<Criterion | null>(null);
  const [upload, setUpload] = useState<File | null>(null);
  const message = useMessage();
  const [form] = Form.useForm();
  const [appraisalForm] = Form.useForm();
  const isUnit = !!assessment && !!session?.roles.some((r) => r.unitCode === assessment.unitCode && r.role !== 'AUDITOR' && r.role !== 'VIEWER');
  const isAppraiser =
    !!assessment && !!session?.roles.some((r) => r.unitCode === assessment.ownerCode && (r.role === 'UNIT_MANAGER' || r.role === 'PLATFORM_ADMIN'));
  const canScore = (c: Criterion) =>
    isUnit &&
    c.scoredBy === 'UNIT' &&
    !c.skippedByCampaign &&
    (assessment?.status === 'OPEN' || (assessment?.status === 'RETURNED' && c.status === 'RETURNED'));
  const fieldError = (name: string) => problems.find((p) => fieldPath(p.field)?.startsWith(name))?.message;
  const done = (result: { error?: Parameters<typeof problemsOf>[0]; data?: unknown }, success: string) => {
    setProblems(problemsOf(result.error));
    if (result.data) {
      message.success(success);
      refresh();
      return true;
    }
    return false;
  };
  const download = async (sha: string) => {
    const result = await client.query(EvidenceQuery, { id, sha }).toPromise();
    setProblems(problemsOf(result.error));
    const file = result.data?.evidenceFile;
    if (file) saveBase64File(file);
  };

  const downloadWord = async () => {
    const result = await client.query(ScorecardDocxQuery, { id }).toPromise();
    setProblems(problemsOf(result.error));
    const file = result.data?.assessmentScorecardDocx;
    if (file) saveBase64File(file);
  };

  if (!assessment)
    return (
      <div className="page">
        <ProblemAlerts problems={problemsOf(error)} />
      </div>
    );
  return (
    <div className="page">
      <h1>
        Phiếu tự chấm điểm CCHC năm {assessment.year} — {assessment.unit.name}
      </h1>
      <p>
        <Link to={`/cham-diem/dot/${assessment.campaignId}`}>Về đợt chấm điểm</Link>
      </p>
      {assessment.criteria.some((c) => c.illustrative) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="MINH HỌA: các tiêu chí gắn nhãn «Minh họa» không lấy từ văn bản chính thức (bộ chỉ số dùng để trình diễn)."
        />
      )}
      <ProblemAlerts problems={problems} gap={8} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ background: '#fff', marginBottom: 16 }}>
        <Descriptions.Item label="Trạng thái">{ASSESSMENT_STATUS[assessment.status] ?? assessment.status}</Descriptions.Item>
        <Descriptions.Item label="Tự chấm điểm">{formatDayRange(assessment.entryFrom, assessment.entryTo)}</Descriptions.Item>
        <Descriptions.Item label="Thẩm định">{formatDayRange(assessment.appraisalFrom, assessment.appraisalTo)}</Descriptions.Item>
        <Descriptions.Item label="Điểm tự chấm">{`${formatNumber(assessment.selfResult.total)} (quy đổi ${formatNumber(assessment.selfResult.rescaledTotal)}/${assessment.maxTotal})`}</Descriptions.Item>
        <Descriptions.Item label="Điểm thẩm định">
          {assessment.result
            ? `${formatNumber(assessment.result.total)} (quy đổi ${formatNumber(assessment.result.rescaledTotal)}/${assessment.maxTotal})`
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Xếp loại">{assessment.result?.grade ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={assessment.criteria}
        scroll={{ x: 1100 }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 70 },
          {
            title: 'Tiêu chí',
            render: (_, c) => (
              <>
                {c.name} {c.illustrative && <Tag color="orange">Minh họa</Tag>} {c.skippedByCampaign && <Tag>Không chấm đợt này</Tag>}
                <div className="muted">
                  {RULE[c.rule]}
                  {c.tiers.length ? `: ${c.tiers.map((t) => `${t.label} = ${formatNumber(t.score)}`).join('; ')}` : ''}
                  {c.evidenceRequired ? ` · Tài liệu: ${c.evidenceRequired}` : ''}
                  {c.scoredBy !== 'UNIT' ? ` · ${c.scoredBy === 'SURVEY' ? 'Điều tra xã hội học' : 'Hội đồng thẩm định'} chấm` : ''}
                </div>
              </>
            ),
          },
          { title: 'Tối đa', render: (_, c) => formatNumber(c.maxScore), width: 70 },
          { title: 'Tự chấm', render: (_, c) => (c.notApplicable ? 'Không áp dụng' : c.selfScore === null ? '—' : formatNumber(c.selfScore)), width: 90 },
          {
            title: 'Tài liệu kiểm chứng · Giải trình',
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                {c.files.map((f) => (
                  <Button key={f.sha256} type="link" size="small" onClick={() => download(f.sha256)}>
                    {f.fileName}
                  </Button>
                ))}
                {c.citations.map((ct) => (
                  <span key={ct.number}>{`Văn bản ${ct.number} ngày ${formatDay(ct.date)}${ct.page ? `, trang ${ct.page}` : ''}`}</span>
                ))}
                {c.explanation && <span>Giải trình: {c.explanation}</span>}
              </Space>
            ),
          },
          {
            title: 'Thẩm định',
            render: (_, c) => (
              <>
                {CRITERION_STATUS[c.status] ?? c.status}
                {c.appraisedScore !== null && c.status === 'ADJUSTED' ? `: ${formatNumber(c.appraisedScore)}` : ''}
                {c.appraisalReason ? ` — ${c.appraisalReason}` : ''}
                {c.returnReason ? ` — ${c.returnReason}` : ''}
              </>
            ),
            width: 200,
          },
          {
            title: '',
            width: 150,
            render: (_, c) => (
              <Space>
                {canScore(c) && (
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(c);
                      setUpload(null);
                      form.setFieldsValue({ score: c.selfScore, notApplicable: c.notApplicable, explanation: c.explanation });
                    }}
                  >
                    Tự chấm
                  </Button>
                )}
                {isAppraiser && assessment.status === 'SUBMITTED' && !c.skippedByCampaign && (
                  <Button
                    size="small"
                    onClick={() => {
                      setAppraising(c);
                      appraisalForm.setFieldsValue({
                        decision: c.scoredBy === 'UNIT' ? 'ACCEPT' : 'ADJUST',
                        score: c.appraisedScore ?? c.selfScore,
                        reason: '',
                      });
                    }}
                  >
                    Thẩm định
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {isUnit && (assessment.status === 'OPEN' || assessment.status === 'RETURNED') && (
          <Button type="primary" onClick={async () => done(await submit({ id }), 'Đã nộp phiếu tự chấm.')}>
            Nộp phiếu tự chấm
          </Button>
        )}
        {isAppraiser && assessment.status === 'SUBMITTED' && (
          <Button type="primary" onClick={async () => done(await finalise({ id }), 'Đã chốt kết quả thẩm định.')}>
            Chốt thẩm định
          </Button>
        )}
        <Button
          onClick={() =>
            downloadWorkbook(`phieu-cham-diem-${assessment.unitCode}-${assessment.year}.xlsx`, [
              {
                name: 'Phiếu chấm điểm',
                title: `Phiếu chấm điểm CCHC năm ${assessment.year} — ${assessment.unit.name}`,
                columns: [
                  { header: 'Mã', width: 8 },
                  { header: 'Tiêu chí', width: 60 },
                  { header: 'Tối đa' },
                  { header: 'Tự chấm' },
                  { header: 'Thẩm định' },
                  { header: 'Lý do', width: 40 },
                  { header: 'Minh họa' },
                ],
                rows: assessment.criteria.map((c) => [
                  c.code,
                  c.name,
                  c.maxScore,
                  c.notApplicable ? 'Không áp dụng' : c.selfScore,
                  c.appraisedScore,
                  c.appraisalReason ?? c.returnReason ?? '',
                  c.illustrative ? 'Có' : '',
                ]),
              },
            ])
          }
        >
          Xuất Excel
        </Button>
        <Button onClick={downloadWord}>Xuất Word</Button>
      </Space>

      <Modal
        open={!!editing}
        title={editing ? `Tự chấm tiêu chí ${editing.code}` : ''}
        okText="Lưu"
        cancelText="Hủy"
        onCancel={() => setEditing(null)}
        onOk={async () => {
          if (!editing) return;
          const values = form.getFieldsValue();
          const citation = values.citationNumber
            ? [{ number: values.citationNumber, date: values.citationDate?.format('YYYY-MM-DD'), page: values.citationPage ?? null }]
            : [];
          const uploads = upload ? [{ fileName: upload.name, mediaType: upload.type, content: await base64Of(upload) }] : [];
          const result = await score({
            id,
            input: {
              criterionCode: editing.code,
              score: values.notApplicable ? null : values.score,
              notApplicable: !!values.notApplicable,
              explanation: values.explanation || null,
              citations: citation,
              uploads,
              keepFiles: editing.files.map((f) => f.sha256),
            },
          });
          if (done(result, `Đã lưu điểm tiêu chí ${editing.code}.`)) setEditing(null);
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="score"
            label={`Điểm (tối đa ${editing ? formatNumber(editing.maxScore) : ''})`}
            help={fieldError('score')}
            validateStatus={fieldError('score') ? 'error' : undefined}
          >
            {editing?.rule === 'TIERS' ? (
              <Select options={editing.tiers.map((t) => ({ value: t.score, label: `${t.label} (${formatNumber(t.score)})` }))} />
            ) : (
              <InputNumber step={0.25} />
            )}
          </Form.Item>
          {editing?.skippable && (
            <Form.Item name="notApplicable" valuePropName="checked">
              <Checkbox>Đơn vị không có chức năng này (không áp dụng)</Checkbox>
            </Form.Item>
          )}
          <Form.Item
            label="Tài liệu kiểm chứng (PDF, ảnh, Word, Excel; tối đa 1 MB)"
            help={fieldError('uploads')}
            validateStatus={fieldError('uploads') ? 'error' : undefined}
          >
            <Upload beforeUpload={(file) => (setUpload(file), false)} maxCount={1} onRemove={() => setUpload(null)}>
              <Button>Chọn tệp</Button>
            </Upload>
          </Form.Item>
          <Space>
            <Form.Item name="citationNumber" label="Văn bản dẫn chứng: số, ký hiệu" help={fieldError('citations')}>
              <Input placeholder="53/KH-UBND" />
            </Form.Item>
            <Form.Item name="citationDate" label="Ngày">
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="citationPage" label="Trang">
              <InputNumber min={1} />
            </Form.Item>
          </Space>
          <Form.Item
            name="explanation"
            label="Giải trình (bắt buộc khi không có tài liệu)"
            help={fieldError('explanation')}
            validateStatus={fieldError('explanation') ? 'error' : undefined}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={!!appraising}
        title={appraising ? `Thẩm định tiêu chí ${appraising.code}` : ''}
        okText="Lưu"
        cancelText="Hủy"
        onCancel={() => setAppraising(null)}
        onOk={async () => {
          if (!appraising) return;
          const values = appraisalForm.getFieldsValue();
          const result = await appraise({
            id,
            input: {
              criterionCode: appraising.code,
              decision: values.decision,
              score: values.decision === 'ADJUST' ? values.score : null,
              reason: values.reason || null,
            },
          });
          if (done(result, `Đã thẩm định tiêu chí ${appraising.code}.`)) setAppraising(null);
        }}
      >
        <Form form={appraisalForm} layout="vertical">
          <Form.Item name="decision" label="Ý kiến">
            <Select
              options={[
                { value: 'ACCEPT', label: 'Đồng ý điểm tự chấm' },
                { value: 'ADJUST', label: 'Điều chỉnh điểm' },
                { value: 'RETURN', label: 'Trả lại để bổ sung tài liệu' },
              ]}
            />
          </Form.Item>
          <Form.Item name="score" label="Điểm thẩm định" help={fieldError('score')} validateStatus={fieldError('score') ? 'error' : undefined}>
            <InputNumber step={0.25} />
          </Form.Item>
          <Form.Item name="reason" label="Lý do" help={fieldError('reason')} validateStatus={fieldError('reason') ? 'error' : undefined}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
