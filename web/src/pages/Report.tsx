import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Space, Switch } from 'antd';
import { CardTable, ListTable } from '../components/CardTable';
import { useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { NotLoaded, ProblemAlerts } from '../components/ProblemAlerts';
import { problemsOf } from '../lib/errors';
import { formatDay, formatDayRange, formatInstant } from '../lib/format';
import { useMutationRun } from '../lib/feedback';
import { ReportStatusTag } from './Reports';
import { saveBase64File } from '../lib/download';

const ReportQuery = graphql(`
  query ReportPage($id: ID!) {
    report(id: $id) {
      id
      regimeName
      period
      unitCode
      unitName
      role
      reviewerCode
      status
      dueOn
      closesOn
      cutOffFrom
      cutOffTo
      lockReason
      late
      submittedOn
      returnReason
      waivedReason
      sections {
        code
        title
        text
      }
      items {
        code
        name
        unit
        type
        number
        yes
        text
      }
      prefilledAssignments {
        assignmentId
        planNumber
        taskText
        status
        percent
        completedOn
        overdueDays
      }
      changes {
        key
        prefilled
        entered
      }
      reopened {
        reason
        on
        until
      }
      consolidation {
        children
        accepted
        items {
          code
          name
          unit
          rule
          value
        }
        sections {
          code
          title
          units {
            unitCode
            unitName
            text
          }
        }
      }
      history {
        version
        type
        recordedAt
        actor {
          username
        }
      }
    }
  }
`);
const SaveDraft = graphql(`
  mutation SaveReportDraft($id: ID!, $input: ReportInput!) {
    saveReportDraft(id: $id, input: $input) {
      id
      status
    }
  }
`);
const Submit = graphql(`
  mutation SubmitReport($id: ID!, $input: ReportInput!) {
    submitReport(id: $id, input: $input) {
      id
      status
      late
    }
  }
`);
const Accept = graphql(`
  mutation AcceptReport($id: ID!) {
    acceptReport(id: $id) {
      id
      status
    }
  }
`);
const Return = graphql(`
  mutation ReturnReport($id: ID!, $reason: String!) {
    returnReport(id: $id, reason: $reason) {
      id
      status
    }
  }
`);
const Reopen = graphql(`
  mutation ReopenReport($id: ID!, $reason: String!) {
    reopenReport(id: $id, reason: $reason) {
      id
      status
    }
  }
`);
const Waive = graphql(`
  mutation WaiveReport($id: ID!, $reason: String!) {
    waiveReport(id: $id, reason: $reason) {
      id
      status
    }
  }
`);
const Approve = graphql(`
  mutation ApproveReport($id: ID!) {
    approveReport(id: $id) {
      id
      status
    }
  }
`);
const Export = graphql(`
  query ReportExport($id: ID!, $format: ExportFormat!) {
    reportExport(id: $id, format: $format) {
      fileName
      mediaType
      base64
    }
  }
`);

type Values = Record<string, string | number | boolean | null | undefined>;

/** One report: the form (pre-filled), what changed against the pre-fill, the review actions, the consolidation, Word and Excel. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: ReportQuery, variables: { id } });
  const [, saveDraft] = useMutation(SaveDraft);
  const [, submit] = useMutation(Submit);
  const [, accept] = useMutation(Accept);
  const [, giveBack] = useMutation(Return);
  const [, reopen] = useMutation(Reopen);
  const [, waive] = useMutation(Waive);
  const [, approve] = useMutation(Approve);
  const client = useClient();
  const [reason, setReason] = useState('');
  const { problems, setProblems, run } = useMutationRun();
  const [form] = Form.useForm<Values>();
  const r = data?.report;
  if (!r) return <NotLoaded fetching={fetching} error={error} missing="Không tìm thấy báo cáo." />;

  const input = (values: Values) => ({
    sections: r.sections.map((s) => ({ code: s.code, text: String(values[`s.${s.code}`] ?? '') })),
    items: r.items.map((i) => {
      const v = values[`i.${i.code}`];
      return i.type === 'YES_NO'
        ? { code: i.code, yes: typeof v === 'boolean' ? v : null }
        : i.type === 'TEXT'
          ? { code: i.code, text: (v as string) ?? null }
          : { code: i.code, number: typeof v === 'number' ? v : null };
    }),
  });
  const download = async (format: 'DOCX' | 'XLSX') => {
    const result = await client.query(Export, { id, format }).toPromise();
    const file = result.data?.reportExport;
    if (!file) return setProblems(problemsOf(result.error));
    saveBase64File(file);
  };
  const initial: Values = Object.fromEntries([
    ...r.sections.map((s) => [`s.${s.code}`, s.text]),
    ...r.items.map((i) => [`i.${i.code}`, i.number ?? i.yes ?? i.text]),
  ]);
  const editable = ['EXPECTED', 'DRAFT', 'RETURNED'].includes(r.status) && !r.lockReason && r.role === 'UNIT';
  return (
    <div className="page">
      <h1>
        {r.regimeName} — {r.period}
      </h1>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Đơn vị">{r.unitName}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <ReportStatusTag status={r.status} />
          {r.late ? ' trễ hạn' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="Thời gian chốt số liệu">{formatDayRange(r.cutOffFrom, r.cutOffTo)}</Descriptions.Item>
        <Descriptions.Item label="Hạn gửi">
          {formatDay(r.dueOn)} (nhập đến hết {formatDay(r.closesOn)})
        </Descriptions.Item>
      </Descriptions>
      {r.lockReason && <Alert type="warning" showIcon message={r.lockReason} style={{ marginBottom: 12 }} />}
      {r.returnReason && <Alert type="warning" showIcon message={`Bị trả lại: ${r.returnReason}`} style={{ marginBottom: 12 }} />}
      {r.reopened && (
        <Alert
          type="info"
          showIcon
          message={`Cấp trên mở lại ngày ${formatDay(r.reopened.on)} đến hết ${formatDay(r.reopened.until)}: ${r.reopened.reason}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <ProblemAlerts problems={problems} gap={12} />
      <Card title="Nội dung báo cáo" size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" initialValues={initial} disabled={!editable}>
          {r.sections.map((s) => (
            <Form.Item key={s.code} name={`s.${s.code}`} label={s.title}>
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
          ))}
          {r.items.map((i) => (
            <Form.Item
              key={i.code}
              name={`i.${i.code}`}
              label={`${i.name}${i.unit ? ` (${i.unit})` : ''}`}
              valuePropName={i.type === 'YES_NO' ? 'checked' : 'value'}
            >
              {i.type === 'YES_NO' ? (
                <Switch checkedChildren="Có" unCheckedChildren="Không" />
              ) : i.type === 'TEXT' ? (
                <Input />
              ) : (
                <InputNumber style={{ width: 200 }} />
              )}
            </Form.Item>
          ))}
        </Form>
        {editable && (
          <Space>
            <Button onClick={() => run(() => saveDraft({ id, input: input(form.getFieldsValue()) }), 'Đã lưu bản nháp.')}>Lưu nháp</Button>
            <Button type="primary" onClick={() => run(() => submit({ id, input: input(form.getFieldsValue()) }), 'Đã gửi báo cáo.')}>
              Gửi báo cáo
            </Button>
          </Space>
        )}
      </Card>
      {r.changes.length > 0 && (
        <CardTable
          title="Đã sửa so với phần điền sẵn"
          rowKey="key"
          rows={r.changes}
          columns={[
            { title: 'Mục', dataIndex: 'key' },
            { title: 'Điền sẵn', render: (_, c) => String(c.prefilled ?? '') },
            { title: 'Đơn vị nhập', render: (_, c) => String(c.entered ?? '') },
          ]}
        />
      )}
      {r.prefilledAssignments.length > 0 && (
        <CardTable
          title="Nhiệm vụ được giao trong kỳ (điền sẵn)"
          rowKey="assignmentId"
          rows={r.prefilledAssignments}
          columns={[
            { title: 'Nhiệm vụ', dataIndex: 'taskText' },
            { title: 'Kế hoạch', dataIndex: 'planNumber' },
            { title: 'Tiến độ', render: (_, l) => `${l.percent}%${l.overdueDays.length ? ' · quá hạn' : ''}` },
          ]}
        />
      )}
      {r.consolidation && (
        <CardTable
          title={`Tổng hợp (${r.consolidation.accepted}/${r.consolidation.children} đơn vị đã chấp nhận)`}
          rowKey="code"
          rows={r.consolidation.items}
          columns={[
            { title: 'Chỉ tiêu', dataIndex: 'name' },
            { title: 'Cách tổng hợp', dataIndex: 'rule' },
            { title: 'Giá trị', render: (_, i) => (i.value === null ? '' : `${i.value}${i.unit ? ` ${i.unit}` : ''}`) },
          ]}
        />
      )}
      <Card title="Xem xét" size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input
            style={{ width: 320 }}
            placeholder="Lý do (trả lại, mở lại, không báo cáo)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-label="Lý do"
          />
          <Button onClick={() => run(() => accept({ id }), 'Đã chấp nhận báo cáo.')}>Chấp nhận</Button>
          <Button onClick={() => run(() => giveBack({ id, reason }), 'Đã trả lại báo cáo.')}>Trả lại</Button>
          <Button onClick={() => run(() => reopen({ id, reason }), 'Đã mở lại báo cáo.')}>Mở lại</Button>
          <Button onClick={() => run(() => waive({ id, reason }), 'Đã đánh dấu không báo cáo.')}>Không báo cáo</Button>
          {r.role === 'CONSOLIDATED' && (
            <Button type="primary" onClick={() => run(() => approve({ id }), 'Đã phê duyệt báo cáo tổng hợp.')}>
              Phê duyệt
            </Button>
          )}
          <Button onClick={() => download('DOCX')}>Tải Word</Button>
          <Button onClick={() => download('XLSX')}>Tải Excel</Button>
        </Space>
      </Card>
      <Card title="Lịch sử" size="small">
        <ListTable
          rowKey="version"
          rows={r.history}
          columns={[
            { title: 'Lúc', render: (_, h) => formatInstant(h.recordedAt) },
            { title: 'Sự kiện', dataIndex: 'type' },
            { title: 'Người thực hiện', render: (_, h) => h.actor.username },
          ]}
        />
      </Card>
    </div>
  );
}
