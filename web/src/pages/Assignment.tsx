import { useState, type ReactNode } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Timeline } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import { PercentBar } from '../components/PercentBar';
import { fieldPath, problemsOf, type ApiProblem } from '../lib/errors';
import { formatDay, formatInstant } from '../lib/format';
import { currentSession } from '../lib/session';
import { dueState, vietnamToday } from '../lib/due';
import { AssignmentStatusTag, eventLabel } from '../lib/status';
import { useMessage } from '../lib/feedback';
import { NotLoaded, ProblemAlerts } from '../components/ProblemAlerts';

const AssignmentQuery = graphql(`
  query AssignmentPage($id: ID!) {
    assignment(id: $id) {
      id
      kind
      role
      status
      overdue
      late
      dueOn
      assignedOn
      completedOn
      percent
      note
      result
      evidence
      cancelledReason
      taskId
      taskText
      target
      timeframeText
      planId
      planNumber
      planTitle
      assignerCode
      unit {
        code
        name
      }
      offeredToUnits {
        code
        name
      }
      extension {
        status
        reason
        requestedDueOn
        answer
      }
      history {
        ...HistoryEntryFields
      }
    }
  }
`);
const AcceptAssignment = graphql(`
  mutation AcceptAssignment($id: ID!) {
    acceptAssignment(id: $id) {
      id
      status
    }
  }
`);
const ReportProgress = graphql(`
  mutation ReportProgress($id: ID!, $input: ProgressInput!) {
    reportAssignmentProgress(id: $id, input: $input) {
      id
      status
      percent
    }
  }
`);
const CompleteAssignment = graphql(`
  mutation CompleteAssignment($id: ID!, $input: CompletionInput!) {
    completeAssignment(id: $id, input: $input) {
      id
      status
    }
  }
`);
const RequestExtension = graphql(`
  mutation RequestExtension($id: ID!, $input: ExtensionRequestInput!) {
    requestAssignmentExtension(id: $id, input: $input) {
      id
    }
  }
`);
const GrantExtension = graphql(`
  mutation GrantExtension($id: ID!, $reason: String) {
    grantAssignmentExtension(id: $id, reason: $reason) {
      id
    }
  }
`);
const RefuseExtension = graphql(`
  mutation RefuseExtension($id: ID!, $reason: String!) {
    refuseAssignmentExtension(id: $id, reason: $reason) {
      id
    }
  }
`);

const AllocateAssignment = graphql(`
  mutation AllocateAssignment($id: ID!, $toUnitCode: ID!) {
    allocateAssignment(id: $id, toUnitCode: $toUnitCode) {
      id
      unitCode
    }
  }
`);

const EVIDENCE_LABEL = 'Tài liệu kiểm chứng (mỗi dòng một văn bản hoặc đường dẫn)';

/** Evidence typed one per line: document numbers or links. */
const lines = (text?: string) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export default function AssignmentPage() {
  const { id = '' } = useParams();
  const session = currentSession();
  const [{ data, fetching, error }] = useQuery({ query: AssignmentQuery, variables: { id } });
  const [, accept] = useMutation(AcceptAssignment);
  const [, report] = useMutation(ReportProgress);
  const [, complete] = useMutation(CompleteAssignment);
  const [, requestExtension] = useMutation(RequestExtension);
  const [, grant] = useMutation(GrantExtension);
  const [, refuse] = useMutation(RefuseExtension);
  const [, allocate] = useMutation(AllocateAssignment);
  const [problems, setProblems] = useState<Record<string, ApiProblem[]>>({});
  const [open, setOpen] = useState<string | null>(null);
  const message = useMessage();
  const a = data?.assignment;
  if (!a) return <NotLoaded fetching={fetching} error={error} missing="Không tìm thấy nhiệm vụ." />;

  const run = async (form: string, action: () => Promise<{ error?: CombinedError }>, done: string) => {
    const result = await action();
    setProblems({ ...problems, [form]: problemsOf(result.error) });
    if (!result.error) {
      message.success(done);
      // urql's document cache refetches every query holding an Assignment after the mutation.
      setOpen(null);
    }
  };
  const fieldProblem = (form: string, field: string) => problems[form]?.find((p) => fieldPath(p.field)?.endsWith(field))?.message;
  const otherProblems = (form: string, fields: string[]) => (problems[form] ?? []).filter((p) => !fields.some((f) => fieldPath(p.field)?.endsWith(f)));
  const itemProps = (form: string, field: string) => {
    const problem = fieldProblem(form, field);
    return problem ? { validateStatus: 'error' as const, help: problem } : {};
  };
  const open_ = a.status === 'ACCEPTED' || a.status === 'IN_PROGRESS';
  const mine = session?.unit?.code === a.unit.code;
  const decides = session?.unit?.code === a.assignerCode || session?.roles.some((r) => r.role === 'PLATFORM_ADMIN');

  return (
    <div className="page">
      <h1>{a.kind === 'TASK' ? 'Nhiệm vụ được giao' : 'Kế hoạch triển khai phải ban hành'}</h1>
      <p style={{ fontSize: 16 }}>{a.taskText}</p>
      <Space wrap style={{ marginBottom: 12 }}>
        <AssignmentStatusTag status={a.status} overdue={a.overdue} dueSoon={dueState(a, vietnamToday()) === 'soon'} />
        {a.late && <span className="muted">Hoàn thành sau hạn</span>}
        <Link to={`/kiem-tra?loai=nhiem-vu&ma=${a.id}`}>Lịch sử, trạng thái tại thời điểm</Link>
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ background: '#fff', marginBottom: 16 }}>
        <Descriptions.Item label="Kế hoạch">
          <Link to={`/ke-hoach/${a.planId}`}>Kế hoạch {a.planNumber}</Link> — {a.planTitle}
        </Descriptions.Item>
        <Descriptions.Item label="Đơn vị nhận">{a.unit.name}</Descriptions.Item>
        {a.offeredToUnits && (
          <Descriptions.Item label="Chờ phân giao">
            Đơn vị đã chia tách; đơn vị kế thừa: {a.offeredToUnits.map((u) => u.name ?? u.code).join(', ')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="Vai trò">{a.role === 'LEAD' ? 'Chủ trì' : 'Thực hiện'}</Descriptions.Item>
        <Descriptions.Item label="Ngày giao">{formatDay(a.assignedOn)}</Descriptions.Item>
        <Descriptions.Item label="Thời gian thực hiện">{a.timeframeText}</Descriptions.Item>
        <Descriptions.Item label="Hạn">{formatDay(a.dueOn) || 'Không có hạn cụ thể'}</Descriptions.Item>
        {a.target && <Descriptions.Item label="Chỉ tiêu">{a.target}</Descriptions.Item>}
        <Descriptions.Item label="Tiến độ">
          <PercentBar value={a.percent} label={`Tiến độ ${a.percent}%`} />
        </Descriptions.Item>
        {a.note && <Descriptions.Item label="Ghi chú gần nhất">{a.note}</Descriptions.Item>}
        {a.result && <Descriptions.Item label="Kết quả">{a.result}</Descriptions.Item>}
        {a.evidence.length > 0 && <Descriptions.Item label="Tài liệu kiểm chứng">{a.evidence.join('; ')}</Descriptions.Item>}
        {a.completedOn && <Descriptions.Item label="Ngày hoàn thành">{formatDay(a.completedOn)}</Descriptions.Item>}
        {a.cancelledReason && <Descriptions.Item label="Lý do hủy">{a.cancelledReason}</Descriptions.Item>}
        {a.extension && (
          <Descriptions.Item label="Gia hạn">
            {a.extension.status === 'REQUESTED' ? 'Đang xin gia hạn' : a.extension.status === 'GRANTED' ? 'Đã đồng ý gia hạn' : 'Đã từ chối gia hạn'} đến{' '}
            {formatDay(a.extension.requestedDueOn)}: {a.extension.reason}
            {a.extension.answer && ` — Trả lời: ${a.extension.answer}`}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Space wrap style={{ marginBottom: 16 }}>
        {a.status === 'ASSIGNED' && (
          <Button type="primary" onClick={() => run('accept', () => accept({ id: a.id }), 'Đã tiếp nhận nhiệm vụ.')}>
            Tiếp nhận
          </Button>
        )}
        {open_ && <Button onClick={() => setOpen('progress')}>Báo cáo tiến độ</Button>}
        {open_ && <Button onClick={() => setOpen('complete')}>Hoàn thành</Button>}
        {(open_ || a.status === 'ASSIGNED') && mine && a.extension?.status !== 'REQUESTED' && <Button onClick={() => setOpen('extension')}>Xin gia hạn</Button>}
        {a.extension?.status === 'REQUESTED' && decides && <Button onClick={() => setOpen('decide')}>Đồng ý / Từ chối gia hạn</Button>}
        {a.offeredToUnits && decides && <Button onClick={() => setOpen('allocate')}>Phân giao cho đơn vị kế thừa</Button>}
      </Space>
      <ProblemAlerts problems={otherProblems('accept', [])} />

      {open === 'allocate' && a.offeredToUnits && (
        <ActionCard
          title="Phân giao cho đơn vị kế thừa"
          onFinish={(v: { toUnitCode?: string }) =>
            run('allocate', () => allocate({ id: a.id, toUnitCode: v.toUnitCode ?? '' }), 'Đã phân giao nhiệm vụ cho đơn vị kế thừa.')
          }
          problems={otherProblems('allocate', ['toUnitCode'])}
          submit="Phân giao"
        >
          <Form.Item label="Đơn vị kế thừa" name="toUnitCode" {...itemProps('allocate', 'toUnitCode')}>
            <Select options={a.offeredToUnits.map((u) => ({ value: u.code, label: u.name ?? u.code }))} style={{ minWidth: 280 }} />
          </Form.Item>
        </ActionCard>
      )}
      {open === 'progress' && (
        <ActionCard
          title="Báo cáo tiến độ"
          initialValues={{ percent: a.percent }}
          onFinish={(v: { percent: number; note?: string; evidence?: string }) =>
            run('progress', () => report({ id: a.id, input: { percent: v.percent, note: v.note || null, evidence: lines(v.evidence) } }), 'Đã báo cáo tiến độ.')
          }
          problems={otherProblems('progress', ['percent', 'note', 'evidence'])}
          submit="Gửi báo cáo tiến độ"
        >
          <Form.Item label="Tỷ lệ hoàn thành (%)" name="percent" {...itemProps('progress', 'percent')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item label="Ghi chú" name="note" {...itemProps('progress', 'note')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label={EVIDENCE_LABEL} name="evidence" {...itemProps('progress', 'evidence')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionCard>
      )}
      {open === 'complete' && (
        <ActionCard
          title="Báo cáo hoàn thành"
          onFinish={(v: { result: string; evidence?: string }) =>
            run('complete', () => complete({ id: a.id, input: { result: v.result ?? '', evidence: lines(v.evidence) } }), 'Đã báo cáo hoàn thành.')
          }
          problems={otherProblems('complete', ['result', 'evidence'])}
          submit="Xác nhận hoàn thành"
        >
          <Form.Item label="Kết quả đạt được" name="result" {...itemProps('complete', 'result')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label={EVIDENCE_LABEL} name="evidence" {...itemProps('complete', 'evidence')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionCard>
      )}
      {open === 'extension' && (
        <ActionCard
          title="Xin gia hạn"
          onFinish={(v: { newDueOn?: { format(f: string): string }; reason: string }) =>
            run(
              'extension',
              () => requestExtension({ id: a.id, input: { newDueOn: v.newDueOn?.format('YYYY-MM-DD') ?? '', reason: v.reason ?? '' } }),
              'Đã gửi đề nghị gia hạn.',
            )
          }
          problems={otherProblems('extension', ['newDueOn', 'reason'])}
          submit="Gửi đề nghị"
        >
          <Form.Item label="Hạn mới đề nghị" name="newDueOn" {...itemProps('extension', 'newDueOn')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label="Lý do" name="reason" {...itemProps('extension', 'reason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionCard>
      )}
      {open === 'decide' && (
        <ActionCard
          title="Quyết định gia hạn"
          problems={otherProblems('decide', ['reason'])}
          actions={
            <Space>
              <Button
                type="primary"
                onClick={() =>
                  run(
                    'decide',
                    () => grant({ id: a.id, reason: (document.getElementById('decide-reason') as HTMLTextAreaElement).value || null }),
                    'Đã đồng ý gia hạn.',
                  )
                }
              >
                Đồng ý gia hạn
              </Button>
              <Button
                danger
                onClick={() =>
                  run(
                    'decide',
                    () => refuse({ id: a.id, reason: (document.getElementById('decide-reason') as HTMLTextAreaElement).value }),
                    'Đã từ chối gia hạn.',
                  )
                }
              >
                Từ chối gia hạn
              </Button>
            </Space>
          }
        >
          <Form.Item label="Ý kiến / lý do" name="reason" {...itemProps('decide', 'reason')}>
            <Input.TextArea rows={2} id="decide-reason" />
          </Form.Item>
        </ActionCard>
      )}

      <h2>Lịch sử</h2>
      <Timeline
        items={a.history.map((h) => ({
          key: h.version,
          content: (
            <div>
              <strong>{eventLabel(h.type)}</strong> · {formatInstant(h.recordedAt)} · {h.actor.username}
              {h.actor.unit ? ` (${h.actor.unit.name})` : ''}
            </div>
          ),
        }))}
      />
    </div>
  );
}

/**
 * One of the assignment's actions as a form in a card: its fields, the problems none of them shows,
 * then `actions` (by default the one button submitting it, labelled `submit`).
 */
function ActionCard<Values extends object>({
  title,
  initialValues,
  onFinish,
  problems,
  submit,
  actions,
  children,
}: {
  title: string;
  initialValues?: Partial<Values>;
  onFinish?: (values: Values) => void;
  problems: ApiProblem[];
  submit?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Form<Values> layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {children}
        <ProblemAlerts problems={problems} gap={8} />
        {actions ?? (
          <Button type="primary" htmlType="submit">
            {submit}
          </Button>
        )}
      </Form>
    </Card>
  );
}
