import { Alert, Button, DatePicker, Descriptions, Input, Space, Tag, Timeline } from 'antd';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import { problemsOf } from '../lib/errors';
import { dayjs, formatDay, formatInstant, VIETNAM_TZ } from '../lib/format';
import { ASSIGNMENT_STATUS_LABEL, eventLabel, PLAN_STATUS_LABEL, type AssignmentStatusName } from '../lib/status';
import { useUrlState } from '../lib/url';
import { saveFile } from '../lib/download';
import type { HistoryEntry } from '../lib/history';
import { ProblemAlerts } from '../components/ProblemAlerts';
import { SelectFilter, UrlTextFilter } from '../components/UrlList';

/** Where a timeline entry was recorded, in the reader's words. */
const SERVICE_LABEL: Record<string, string> = { plans: 'kế hoạch', tasks: 'giao nhiệm vụ', reporting: 'báo cáo' };

const AssignmentHistory = graphql(`
  query AssignmentHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {
    assignment(id: $id) {
      id
      taskText
      planNumber
      unit {
        name
      }
      integrity {
        ...AuditIntegrityFields
      }
      history {
        ...HistoryEntryFields
      }
    }
    at: assignment(id: $id, asOf: $asOf) @include(if: $withState) {
      status
      percent
      note
      result
      dueOn
      completedOn
      extension {
        status
        requestedDueOn
      }
    }
  }
  fragment AuditIntegrityFields on IntegrityReport {
    ok
    checkedEvents
    firstBrokenVersion
  }
`);
const PlanHistory = graphql(`
  query PlanHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {
    plan(id: $id) {
      id
      number
      title
      issuer {
        name
      }
      integrity {
        ...AuditIntegrityFields
      }
      history {
        ...HistoryEntryFields
      }
    }
    at: plan(id: $id, asOf: $asOf) @include(if: $withState) {
      status
      revision
      title
      issuedOn
      closedOn
    }
  }
`);
const UnitHistory = graphql(`
  query UnitHistory($code: ID!, $asOf: DateTime, $withState: Boolean!) {
    unit(code: $code) {
      code
      name
      integrity {
        ...AuditIntegrityFields
      }
      history {
        ...HistoryEntryFields
      }
    }
    at: unit(code: $code, recordedAsOf: $asOf) @include(if: $withState) {
      name
      type
      validTo
      parent {
        name
      }
      mergedInto {
        name
      }
    }
  }
`);
const TaskTimeline = graphql(`
  query TaskTimeline($planId: ID!, $taskId: ID!) {
    taskTimeline(planId: $planId, taskId: $taskId) {
      eventId
      at
      type
      summary
      service
      actor {
        username
      }
      unit {
        name
      }
    }
  }
`);
const TaskTimelineExport = graphql(`
  query TaskTimelineExport($planId: ID!, $taskId: ID!) {
    taskTimelineExport(planId: $planId, taskId: $taskId, format: CSV) {
      fileName
      content
      contentType
      entries
    }
  }
`);

type Kind = 'nhiem-vu' | 'ke-hoach' | 'don-vi' | 'dong-thoi-gian';

const download = (fileName: string, content: string, type: string) => saveFile(fileName, new Blob([content], { type }));

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Lịch sử · Trạng thái tại thời điểm · Dòng thời gian nhiệm vụ · Kiểm tra toàn vẹn. */
export default function Audit() {
  const [params, update] = useUrlState();
  const kind = (params.get('loai') as Kind) || 'nhiem-vu';
  const id = params.get('ma') ?? '';
  const asOf = params.get('thoi-diem') ?? undefined;
  const withState = !!asOf;
  const vars = { asOf, withState };
  const [assignment] = useQuery({ query: AssignmentHistory, variables: { id, ...vars }, pause: kind !== 'nhiem-vu' || !id });
  const [plan] = useQuery({ query: PlanHistory, variables: { id, ...vars }, pause: kind !== 'ke-hoach' || !id });
  const [unit] = useQuery({ query: UnitHistory, variables: { code: id, ...vars }, pause: kind !== 'don-vi' || !id });
  const planId = params.get('ke-hoach') ?? '';
  const taskId = params.get('nhiem-vu') ?? '';
  const [timeline] = useQuery({ query: TaskTimeline, variables: { planId, taskId }, pause: kind !== 'dong-thoi-gian' || !planId || !taskId });
  const client = useClient();

  const result = kind === 'nhiem-vu' ? assignment : kind === 'ke-hoach' ? plan : unit;
  const entity = kind === 'nhiem-vu' ? assignment.data?.assignment : kind === 'ke-hoach' ? plan.data?.plan : unit.data?.unit;
  const heading = assignment.data?.assignment
    ? `${assignment.data.assignment.taskText} — ${assignment.data.assignment.unit.name} (Kế hoạch ${assignment.data.assignment.planNumber})`
    : plan.data?.plan
      ? `Kế hoạch ${plan.data.plan.number} của ${plan.data.plan.issuer.name}`
      : unit.data?.unit?.name;
  const history: readonly HistoryEntry[] = entity?.history ?? [];

  const exportCsv = () => {
    const lines = [['Phiên bản', 'Sự kiện', 'Thời điểm (giờ Việt Nam)', 'Tài khoản', 'Đơn vị', 'Dữ liệu'].map(csvCell).join(',')];
    for (const h of history)
      lines.push(
        [String(h.version), eventLabel(h.type), formatInstant(h.recordedAt), h.actor.username, h.actor.unit?.name ?? '', JSON.stringify(h.data)]
          .map(csvCell)
          .join(','),
      );
    download(`lich-su-${kind}-${id}.csv`, `\uFEFF${lines.join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
  };

  return (
    <div className="page">
      <h1>Kiểm tra, truy vết</h1>
      <div className="filters">
        <SelectFilter
          label="Loại"
          ariaLabel="Loại đối tượng"
          value={kind}
          width={220}
          onChange={(v) => update({ loai: v, ma: null, 'thoi-diem': null })}
          options={[
            { value: 'nhiem-vu', label: 'Nhiệm vụ được giao' },
            { value: 'ke-hoach', label: 'Kế hoạch' },
            { value: 'don-vi', label: 'Đơn vị' },
            { value: 'dong-thoi-gian', label: 'Dòng thời gian nhiệm vụ' },
          ]}
        />
        {kind === 'dong-thoi-gian' ? (
          <>
            <UrlTextFilter label="Mã kế hoạch" param="ke-hoach" width={320} />
            <UrlTextFilter label="Mã nhiệm vụ" ariaLabel="Mã nhiệm vụ trong kế hoạch" param="nhiem-vu" width={120} />
          </>
        ) : (
          <label>
            Mã
            <Input.Search
              aria-label="Mã đối tượng"
              key={kind}
              defaultValue={id}
              enterButton="Xem"
              onSearch={(v) => update({ ma: v.trim(), 'thoi-diem': null })}
              style={{ width: 380 }}
            />
          </label>
        )}
      </div>
      <ProblemAlerts problems={problemsOf(result.error ?? timeline.error)} gap={8} />
      {kind !== 'dong-thoi-gian' && entity && (
        <>
          <h2>{heading}</h2>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>
              Kiểm tra toàn vẹn:{' '}
              {entity.integrity.ok ? (
                <Tag color="green">Nguyên vẹn · {entity.integrity.checkedEvents} sự kiện</Tag>
              ) : (
                <Tag color="red">Sai lệch từ phiên bản {entity.integrity.firstBrokenVersion}</Tag>
              )}
            </span>
            <Button onClick={exportCsv}>Tải về CSV</Button>
          </Space>
          <section aria-labelledby="state-heading" style={{ marginBottom: 16 }}>
            <h2 id="state-heading">Trạng thái tại thời điểm</h2>
            <Space wrap>
              <DatePicker
                aria-label="Thời điểm"
                showTime={{ format: 'HH:mm:ss' }}
                format="DD/MM/YYYY HH:mm:ss"
                value={asOf ? dayjs(asOf).tz(VIETNAM_TZ) : null}
                onChange={(d) => update({ 'thoi-diem': d ? d.toISOString() : null })}
              />
              {asOf && <span className="muted">Thời điểm: {formatInstant(asOf)} (giờ Việt Nam)</span>}
            </Space>
            {asOf && (
              <StateAt
                kind={kind}
                data={
                  (kind === 'nhiem-vu' ? assignment.data : kind === 'ke-hoach' ? plan.data : unit.data) as { at?: Record<string, unknown> | null } | undefined
                }
              />
            )}
          </section>
          <h2>Lịch sử</h2>
          <Timeline
            items={history.map((h) => ({
              key: h.version,
              content: (
                <div data-version={h.version}>
                  <strong>
                    {h.version}. {eventLabel(h.type)}
                  </strong>{' '}
                  · {formatInstant(h.recordedAt)} · {h.actor.username}
                  {h.actor.unit ? ` (${h.actor.unit.name})` : ''}{' '}
                  <Button
                    size="small"
                    type="link"
                    onClick={() => update({ 'thoi-diem': h.recordedAt })}
                    aria-label={`Trạng thái sau sự kiện ${h.version}: ${eventLabel(h.type)}`}
                  >
                    Trạng thái tại thời điểm này
                  </Button>
                </div>
              ),
            }))}
          />
        </>
      )}
      {kind === 'dong-thoi-gian' && timeline.data && (
        <>
          <h2>Dòng thời gian nhiệm vụ {taskId}</h2>
          <Button
            style={{ marginBottom: 12 }}
            onClick={async () => {
              const res = await client.query(TaskTimelineExport, { planId, taskId }).toPromise();
              const file = res.data?.taskTimelineExport;
              if (file) download(file.fileName, file.content, file.contentType);
            }}
          >
            Tải về CSV
          </Button>
          <Timeline
            items={timeline.data.taskTimeline.map((t) => ({
              key: t.eventId,
              content: (
                <div>
                  <strong>{t.summary}</strong> · {formatInstant(t.at)} · {t.actor.username}
                  {t.unit ? ` · ${t.unit.name}` : ''} <span className="muted">({SERVICE_LABEL[t.service] ?? t.service})</span>
                </div>
              ),
            }))}
          />
        </>
      )}
    </div>
  );
}

function StateAt({ kind, data }: { kind: Kind; data?: { at?: Record<string, unknown> | null } }) {
  const at = data?.at;
  if (data && !at) return <Alert type="info" showIcon title="Tại thời điểm này đối tượng chưa có." />;
  if (!at) return null;
  const items: Array<[string, string]> =
    kind === 'nhiem-vu'
      ? [
          ['Trạng thái', ASSIGNMENT_STATUS_LABEL[at.status as AssignmentStatusName] ?? String(at.status)],
          ['Tiến độ', `${at.percent}%`],
          ['Ghi chú', String(at.note ?? '')],
          ['Kết quả', String(at.result ?? '')],
          ['Hạn', formatDay(at.dueOn as string)],
        ]
      : kind === 'ke-hoach'
        ? [
            ['Trạng thái', PLAN_STATUS_LABEL[at.status as string] ?? String(at.status)],
            ['Lần ban hành', String(at.revision ?? '—')],
            ['Tên', String(at.title)],
            ['Ngày ban hành', formatDay(at.issuedOn as string)],
          ]
        : [
            ['Tên', String(at.name)],
            ['Loại', String(at.type)],
            ['Cấp trên', String((at.parent as { name?: string } | null)?.name ?? '')],
            ['Hết hiệu lực', formatDay(at.validTo as string)],
          ];
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ background: '#fff', marginTop: 8 }} aria-label="Trạng thái tại thời điểm đã chọn">
      {items.map(([label, value]) => (
        <Descriptions.Item key={label} label={label}>
          {value || '—'}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
