import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { ListTable } from '../components/CardTable';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Appendix } from '../components/Appendix';
import { problemsOf, type ApiProblem } from '../lib/errors';
import { formatDay } from '../lib/format';
import { planName } from '../lib/plan-name';
import { PlanStatusTag } from '../lib/status';
import { useMutationRun } from '../lib/feedback';
import { PlanPapiScores } from '../components/PlanPapiScores';
import { ProblemAlerts } from '../components/ProblemAlerts';

// Its own chunk: only an issued plan's page asks for it.
const PlanTargetAchievement = lazy(() => import('../components/PlanTargetAchievement'));

const PlanQuery = graphql(`
  query PlanView($id: ID!) {
    plan(id: $id) {
      id
      number
      title
      year
      status
      revision
      issuedOn
      documentDate
      closedOn
      closeReason
      frameworks
      implementsText
      issuer {
        code
        name
        level
      }
      implementsPlan {
        id
        number
        title
      }
      amendments {
        revision
        amendedOn
        reason
      }
      reportingRequirements {
        text
        regimeId
      }
      sections {
        ...AppendixSectionFields
        sections {
          ...AppendixSectionFields
        }
      }
      obligations {
        assignmentId
        dueOn
        status
        late
        fulfilledBy
        fulfilledByPlanId
        unit {
          code
          name
        }
      }
      implementingPlans {
        id
        number
        title
        status
        issuer {
          name
        }
      }
    }
  }
  fragment AppendixSectionFields on PlanSection {
    code
    title
    indicator {
      framework
      code
      name
    }
    tasks {
      ...AppendixTaskFields
    }
  }
  fragment AppendixTaskFields on PlanTask {
    id
    ...PlanTaskTextFields
  }
`);

const IssuePlan = graphql(`
  mutation IssuePlan($id: ID!) {
    issuePlan(id: $id) {
      id
      status
      revision
      issuedOn
    }
  }
`);
const AmendPlan = graphql(`
  mutation AmendPlan($id: ID!, $input: AmendPlanInput!) {
    amendPlan(id: $id, input: $input) {
      id
      revision
    }
  }
`);
const ClosePlan = graphql(`
  mutation ClosePlan($id: ID!, $reason: String) {
    closePlan(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export default function PlanView() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PlanQuery, variables: { id } });
  // Right after issuing, the tasks service may not have taken the plan in yet (it comes over the
  // bus) and answers NOT_FOUND for its part: look again for a while before saying so.
  const [retries, setRetries] = useState(0);
  const notYet = !data?.plan && !fetching && problemsOf(error).some((p) => p.code === 'NOT_FOUND') && retries < 20;
  useEffect(() => {
    if (!notYet) return;
    const timer = setTimeout(() => {
      setRetries((n) => n + 1);
      refetch({ requestPolicy: 'network-only' });
    }, 1000);
    return () => clearTimeout(timer);
  }, [notYet, refetch]);
  const [, issue] = useMutation(IssuePlan);
  const [, amend] = useMutation(AmendPlan);
  const [, close] = useMutation(ClosePlan);
  const { problems, busy, run } = useMutationRun();
  const [amending, setAmending] = useState(false);
  const [closing, setClosing] = useState(false);
  const navigate = useNavigate();
  const plan = data?.plan;
  if (!plan)
    return (
      <div className="page">
        {fetching || notYet
          ? 'Đang tải…'
          : problemsOf(error).map((p) => <Alert key={p.message} type="error" title={p.message} />) || 'Không tìm thấy kế hoạch.'}
      </div>
    );
  const tasks = plan.sections.flatMap((s) => [...s.tasks, ...s.sections.flatMap((c) => c.tasks)]);

  return (
    <div className="page">
      <h1>{planName(plan)}</h1>
      <p style={{ fontSize: 16, marginTop: 0 }}>{plan.title}</p>
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <PlanStatusTag status={plan.status} />
        {plan.status === 'DRAFT' && (
          <>
            <Button onClick={() => navigate(`/ke-hoach/${plan.id}/sua`)}>Sửa dự thảo</Button>
            <Button type="primary" loading={busy} onClick={() => run(() => issue({ id: plan.id }), 'Đã ban hành kế hoạch.')}>
              Ban hành
            </Button>
          </>
        )}
        {plan.status === 'ISSUED' && (
          <>
            <Link to={`/ke-hoach/${plan.id}/theo-doi`}>
              <Button type="primary">Theo dõi tiến độ</Button>
            </Link>
            <Button onClick={() => setAmending(true)}>Điều chỉnh</Button>
            <Button danger onClick={() => setClosing(true)}>
              Kết thúc
            </Button>
          </>
        )}
        <Link to={`/kiem-tra?loai=ke-hoach&ma=${plan.id}`}>
          <Button>Lịch sử</Button>
        </Link>
        <Button onClick={() => window.print()}>In</Button>
      </Space>
      <ProblemAlerts problems={problems} gap={8} />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16, background: '#fff' }}>
        <Descriptions.Item label="Đơn vị ban hành">{plan.issuer.name}</Descriptions.Item>
        <Descriptions.Item label="Năm">{plan.year}</Descriptions.Item>
        <Descriptions.Item label="Ngày ban hành">{formatDay(plan.issuedOn) || 'Chưa ban hành'}</Descriptions.Item>
        <Descriptions.Item label="Lần điều chỉnh">{plan.revision ? plan.revision - 1 : '—'}</Descriptions.Item>
        <Descriptions.Item label="Thực hiện văn bản">
          {plan.implementsPlan ? <Link to={`/ke-hoach/${plan.implementsPlan.id}`}>Kế hoạch {plan.implementsPlan.number}</Link> : (plan.implementsText ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label="Bộ chỉ số">{plan.frameworks.join(', ')}</Descriptions.Item>
        {plan.closedOn && (
          <Descriptions.Item label="Kết thúc">{`${formatDay(plan.closedOn)}${plan.closeReason ? ` — ${plan.closeReason}` : ''}`}</Descriptions.Item>
        )}
        {plan.reportingRequirements.length > 0 && (
          // What the plan asks to be reported: issuing it makes the regime (or links the one named), shown under Báo cáo.
          <Descriptions.Item label="Yêu cầu báo cáo" span={2}>
            {plan.reportingRequirements.map((r, i) => (
              <div key={i}>
                {r.text}
                {r.regimeId ? (
                  <span className="muted"> (chế độ báo cáo đã có: {r.regimeId})</span>
                ) : (
                  <span className="muted"> ({plan.status === 'DRAFT' ? 'tạo chế độ báo cáo khi ban hành' : 'chế độ báo cáo tạo tự động khi ban hành'})</span>
                )}
              </div>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      {plan.status !== 'DRAFT' && <PlanPapiScores planId={plan.id} />}
      {plan.status !== 'DRAFT' && (
        <Suspense fallback={null}>
          <PlanTargetAchievement planId={plan.id} />
        </Suspense>
      )}
      <Appendix
        sections={plan.sections}
        extra={
          plan.status !== 'DRAFT'
            ? (task) => (
                <Link to={`/kiem-tra?loai=dong-thoi-gian&ke-hoach=${plan.id}&nhiem-vu=${task.id}`} aria-label={`Xem dòng thời gian nhiệm vụ ${task.id}`}>
                  Xem
                </Link>
              )
            : undefined
        }
      />
      {plan.amendments.length > 0 && (
        <>
          <h2>Điều chỉnh</h2>
          <ul>
            {plan.amendments.map((a) => (
              <li key={a.revision}>
                Lần {a.revision - 1}, ngày {formatDay(a.amendedOn)}: {a.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.obligations.length > 0 && (
        <>
          <h2>Kế hoạch triển khai phải ban hành</h2>
          <ListTable
            rowKey="assignmentId"
            rows={plan.obligations}
            pageSize={20}
            columns={[
              { title: 'Đơn vị', render: (_, o) => o.unit.name },
              { title: 'Hạn', render: (_, o) => formatDay(o.dueOn) },
              {
                title: 'Tình trạng',
                render: (_, o) =>
                  o.fulfilledBy ? (
                    <Tag color={o.late ? 'orange' : 'green'}>
                      {o.late ? 'Ban hành muộn' : 'Đã ban hành'}:{' '}
                      {o.fulfilledByPlanId ? <Link to={`/ke-hoach/${o.fulfilledByPlanId}`}>{o.fulfilledBy}</Link> : o.fulfilledBy}
                    </Tag>
                  ) : (
                    <Tag color={o.late ? 'red' : 'geekblue'}>{o.late ? 'Chưa ban hành · Quá hạn' : 'Chưa ban hành'}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
      {plan.implementingPlans.length > 0 && (
        <>
          <h2>Kế hoạch cấp dưới thực hiện kế hoạch này</h2>
          <ul>
            {plan.implementingPlans.map((p) => (
              <li key={p.id}>
                <Link to={`/ke-hoach/${p.id}`}>Kế hoạch {p.number}</Link> của {p.issuer.name}: {p.title}
              </li>
            ))}
          </ul>
        </>
      )}
      <AmendModal
        open={amending}
        tasks={tasks.map((t) => ({ value: t.id, label: `${t.ordinal ?? t.id}. ${t.text.slice(0, 80)}` }))}
        onCancel={() => setAmending(false)}
        onSubmit={async (values) => {
          if (
            await run(
              () => amend({ id: plan.id, input: { reason: values.reason, removeTaskIds: values.removeTaskIds?.length ? values.removeTaskIds : undefined } }),
              'Đã điều chỉnh kế hoạch.',
            )
          )
            setAmending(false);
        }}
        problems={problems}
      />
      <Modal title="Kết thúc kế hoạch" open={closing} onCancel={() => setClosing(false)} footer={null} destroyOnHidden>
        <Form
          layout="vertical"
          onFinish={async (values: { reason?: string }) =>
            (await run(() => close({ id: plan.id, reason: values.reason }), 'Đã kết thúc kế hoạch.')) && setClosing(false)
          }
        >
          <Form.Item label="Lý do" name="reason">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button danger htmlType="submit" loading={busy}>
            Kết thúc kế hoạch
          </Button>
        </Form>
      </Modal>
    </div>
  );
}

function AmendModal(props: {
  open: boolean;
  tasks: Array<{ value: string; label: string }>;
  onCancel: () => void;
  onSubmit: (values: { reason: string; removeTaskIds?: string[] }) => void;
  problems: ApiProblem[];
}) {
  const reasonProblem = props.problems.find((p) => p.field?.endsWith('reason'))?.message;
  const removeProblem = props.problems.find((p) => p.field?.includes('removeTaskIds') || p.field === 'input')?.message;
  return (
    <Modal title="Điều chỉnh kế hoạch" open={props.open} onCancel={props.onCancel} footer={null} destroyOnHidden>
      <Form layout="vertical" onFinish={props.onSubmit}>
        <Form.Item label="Lý do điều chỉnh" name="reason" validateStatus={reasonProblem ? 'error' : undefined} help={reasonProblem}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="Bỏ nhiệm vụ" name="removeTaskIds" validateStatus={removeProblem ? 'error' : undefined} help={removeProblem}>
          <Select mode="multiple" options={props.tasks} optionFilterProp="label" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          Điều chỉnh
        </Button>
      </Form>
    </Modal>
  );
}
