import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import type { DraftPlanInput } from '../gql/graphql';
import {
  blankRow,
  COLUMN_FIELDS,
  TASK_COLUMN_LABEL,
  TASK_COLUMNS,
  guessField,
  hasHeadingRow,
  mapRows,
  parseClipboardTable,
  readXlsx,
  rowOfField,
  toSections,
  type ColumnField,
  type EditorRow,
} from '../lib/appendix';
import { fieldPath, problemsOf, type ApiProblem } from '../lib/errors';
import { dayjs } from '../lib/format';
import { currentSession } from '../lib/session';
import { ProblemAlerts } from '../components/ProblemAlerts';

const DraftQuery = graphql(`
  query PlanDraft($id: ID!) {
    plan(id: $id) {
      id
      number
      title
      issuerCode
      year
      documentDate
      frameworks
      implementsPlanId
      implementsText
      status
      sections {
        code
        title
        tasks {
          ...PlanTaskTextFields
        }
        sections {
          code
          title
          tasks {
            ...PlanTaskTextFields
          }
        }
      }
    }
  }
`);
const ParentPlans = graphql(`
  query ParentPlans {
    plans {
      id
      number
      title
      status
      issuer {
        code
        name
      }
    }
  }
`);
// The frameworks a plan may cite: the plans service's copy of the scoring service's catalogue (ADR 0034).
const PlanFrameworks = graphql(`
  query PlanFrameworks {
    planFrameworks {
      code
      name
    }
  }
`);
const DraftPlan = graphql(`
  mutation DraftPlan($input: DraftPlanInput!) {
    draftPlan(input: $input) {
      id
    }
  }
`);
const ReviseDraft = graphql(`
  mutation ReviseDraftPlan($id: ID!, $input: DraftPlanInput!) {
    reviseDraftPlan(id: $id, input: $input) {
      id
    }
  }
`);
const IssueDraft = graphql(`
  mutation IssueDraft($id: ID!) {
    issuePlan(id: $id) {
      id
      status
    }
  }
`);

const HEADER_FIELDS = ['number', 'title', 'issuerCode', 'year', 'documentDate', 'frameworks', 'implementsPlanId', 'implementsText'];
interface Header {
  number: string;
  title: string;
  issuerCode: string;
  year: number;
  documentDate?: ReturnType<typeof dayjs> | null;
  frameworks: string[];
  implementsPlanId?: string | null;
  implementsText?: string;
}

export default function PlanEditor() {
  const params = useParams();
  const session = currentSession();
  const client = useClient();
  const navigate = useNavigate();
  const [planId, setPlanId] = useState<string | undefined>(params.id);
  const [form] = Form.useForm<Header>();
  const [pasted, setPasted] = useState('');
  const [table, setTable] = useState<string[][]>([]);
  const [firstIsHeading, setFirstIsHeading] = useState(false);
  const [mapping, setMapping] = useState<ColumnField[]>([]);
  const [rows, setRows] = useState<EditorRow[]>([]);
  const [rowProblems, setRowProblems] = useState<Record<string, string>>({});
  const [otherProblems, setOtherProblems] = useState<ApiProblem[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [{ data: existing }] = useQuery({ query: DraftQuery, variables: { id: params.id ?? '' }, pause: !params.id });
  const [{ data: catalogue }] = useQuery({ query: PlanFrameworks });
  const frameworkOptions = useMemo(() => (catalogue?.planFrameworks ?? []).map((f) => ({ value: f.code, label: `${f.code} — ${f.name}` })), [catalogue]);
  // Read once, not watched: saving the draft would otherwise refetch the list (it holds Plans) as the page leaves.
  const [parents, setParents] = useState<{
    plans: Array<{ id: string; number: string; title: string; status: string; issuer: { code: string; name: string } }>;
  }>();
  useEffect(() => {
    client
      .query(ParentPlans, {})
      .toPromise()
      .then((result) => result.data && setParents(result.data));
  }, [client]);

  // The stored draft fills the form once per plan: a later answer of the same query (a refetch after
  // saving, cache-and-network) must not overwrite what the official is editing.
  const loadedPlan = useRef<string | null>(null);
  useEffect(() => {
    const plan = existing?.plan;
    if (!plan || loadedPlan.current === plan.id) return;
    loadedPlan.current = plan.id;
    form.setFieldsValue({
      number: plan.number,
      title: plan.title,
      issuerCode: plan.issuerCode,
      year: plan.year,
      documentDate: plan.documentDate ? dayjs(plan.documentDate) : null,
      frameworks: plan.frameworks,
      implementsPlanId: plan.implementsPlanId,
      implementsText: plan.implementsText ?? '',
    });
    let n = 0;
    const out: EditorRow[] = [];
    const walk = (sections: typeof plan.sections) =>
      sections.forEach((s) => {
        out.push(blankRow(`e${++n}`, 'section', s.code ?? '', s.title));
        s.tasks.forEach((t) =>
          out.push({
            key: `e${++n}`,
            kind: 'task',
            ordinal: t.ordinal ?? '',
            text: t.text,
            target: t.target?.text ?? '',
            lead: t.lead?.text ?? '',
            implementing: t.implementing?.text ?? '',
            monitoring: t.monitoring?.text ?? '',
            timeframe: t.timeframe?.text ?? '',
            expectedResult: t.expectedResult ?? '',
          }),
        );
        if ('sections' in s && s.sections) walk(s.sections as typeof plan.sections);
      });
    walk(plan.sections);
    setRows(out);
  }, [existing, form]);

  const takeTable = (cells: string[][]) => {
    const heading = hasHeadingRow(cells);
    setTable(cells);
    setFirstIsHeading(heading);
    const width = Math.max(0, ...cells.map((r) => r.length));
    const guessed = Array.from({ length: width }, (_, i) => (heading ? guessField(cells[0][i] ?? '') : (TASK_COLUMNS[i] ?? 'ignore')));
    setMapping(guessed);
    setRows(mapRows(heading ? cells.slice(1) : cells, guessed));
    setRowProblems({});
  };
  const remap = (next: ColumnField[], heading = firstIsHeading) => {
    setMapping(next);
    setRows(mapRows(heading ? table.slice(1) : table, next));
  };

  const parentOptions = useMemo(
    () => (parents?.plans ?? []).filter((p) => p.status === 'ISSUED').map((p) => ({ value: p.id, label: `${p.number} — ${p.issuer.name}: ${p.title}` })),
    [parents],
  );

  const show = (problems: ApiProblem[], pathOf: Map<string, string>) => {
    const byRow: Record<string, string> = {};
    const other: ApiProblem[] = [];
    const header: Record<string, string[]> = {};
    for (const problem of problems) {
      const row = rowOfField(problem.field, pathOf);
      const path = fieldPath(problem.field);
      if (row) byRow[row] = byRow[row] ? `${byRow[row]} ${problem.message}` : problem.message;
      else if (path && HEADER_FIELDS.includes(path.replace(/\[\d+\]$/, ''))) (header[path.replace(/\[\d+\]$/, '')] ??= []).push(problem.message);
      else other.push(problem);
    }
    setRowProblems(byRow);
    setOtherProblems(other);
    form.setFields(HEADER_FIELDS.map((name) => ({ name: name as keyof Header, errors: header[name] ?? [] })));
  };

  const save = async (andIssue: boolean) => {
    let values: Header;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const { sections, pathOf } = toSections(rows);
    const input: DraftPlanInput = {
      number: values.number,
      title: values.title,
      issuerCode: values.issuerCode,
      year: values.year,
      documentDate: values.documentDate ? values.documentDate.format('YYYY-MM-DD') : null,
      frameworks: values.frameworks,
      implementsPlanId: values.implementsPlanId || null,
      implementsText: values.implementsText || null,
      sections,
    };
    setBusy('Đang lưu dự thảo…');
    const saved = planId ? await client.mutation(ReviseDraft, { id: planId, input }).toPromise() : await client.mutation(DraftPlan, { input }).toPromise();
    const id = saved.data && ('draftPlan' in saved.data ? saved.data.draftPlan.id : saved.data.reviseDraftPlan.id);
    if (!id) {
      setBusy(null);
      return show(problemsOf(saved.error), pathOf);
    }
    if (!planId) {
      setPlanId(id);
      // The draft now has an address to share; the page keeps its state.
      window.history.replaceState(window.history.state, '', `/ke-hoach/${id}/sua`);
    }
    if (!andIssue) {
      setBusy(null);
      show([], pathOf);
      return;
    }
    setBusy(`Đang ban hành (${rows.filter((r) => r.kind === 'task').length} nhiệm vụ)…`);
    const issued = await client.mutation(IssueDraft, { id }).toPromise();
    setBusy(null);
    if (issued.error) return show(problemsOf(issued.error), pathOf);
    navigate(`/ke-hoach/${id}`);
  };

  const setCell = (key: string, field: keyof EditorRow, value: string) => setRows((all) => all.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const problemCount = Object.keys(rowProblems).length;

  return (
    <div className="page">
      <h1>{planId ? 'Sửa dự thảo kế hoạch' : 'Soạn kế hoạch'}</h1>
      <Form form={form} layout="vertical" initialValues={{ issuerCode: session?.unit?.code, year: new Date().getFullYear(), frameworks: ['PAR_INDEX'] }}>
        <Card size="small" title="Thông tin kế hoạch" style={{ marginBottom: 16 }}>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: '0 16px' }}>
            <Form.Item label="Số kế hoạch" name="number" rules={[{ required: true, message: 'Nhập số kế hoạch.' }]}>
              <Input placeholder="53/KH-UBND" />
            </Form.Item>
            <Form.Item label="Mã đơn vị ban hành" name="issuerCode" rules={[{ required: true, message: 'Nhập mã đơn vị ban hành.' }]}>
              <Input disabled={!!planId} />
            </Form.Item>
            <Form.Item label="Năm" name="year" rules={[{ required: true, message: 'Nhập năm.' }]}>
              <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="Ngày văn bản" name="documentDate">
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Form.Item label="Tên kế hoạch" name="title" rules={[{ required: true, message: 'Nhập tên kế hoạch.' }]}>
            <Input />
          </Form.Item>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: '0 16px' }}>
            <Form.Item label="Bộ chỉ số" name="frameworks">
              <Select mode="multiple" optionFilterProp="label" options={frameworkOptions} />
            </Form.Item>
            <Form.Item label="Thực hiện kế hoạch cấp trên" name="implementsPlanId">
              <Select allowClear showSearch optionFilterProp="label" options={parentOptions} />
            </Form.Item>
            <Form.Item label="Văn bản cấp trên (như đã viết)" name="implementsText">
              <Input />
            </Form.Item>
          </div>
        </Card>
      </Form>
      <Card size="small" title="Phụ lục: nhiệm vụ cụ thể" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label htmlFor="paste-table">Dán bảng từ Word hoặc Excel (chọn cả bảng, sao chép, dán vào đây)</label>
          <Input.TextArea
            id="paste-table"
            rows={4}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder="STT	Nội dung	Nhiệm vụ	Chủ trì	Phối hợp/Thực hiện	Theo dõi	Thời gian	Kết quả"
          />
          <Space wrap>
            <Button onClick={() => takeTable(parseClipboardTable(pasted))} disabled={!pasted.trim()}>
              Đọc bảng đã dán
            </Button>
            <FileButton
              label="Tải tệp Excel (.xlsx)"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onFile={async (file) => {
                setBusy('Đang đọc tệp Excel…');
                try {
                  takeTable(await readXlsx(await file.arrayBuffer()));
                } catch {
                  setOtherProblems([{ message: `Không đọc được tệp "${file.name}": cần tệp Excel (.xlsx).` }]);
                }
                setBusy(null);
              }}
            />
            <FileButton
              label="Tải văn bản Word (.docx)"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onFile={async (file, input) => {
                setBusy('Đang đọc bảng phụ lục trong văn bản Word…');
                setOtherProblems([]);
                try {
                  // Loaded on demand: the reader (jszip, saxes) stays out of every other page's code.
                  const { readDocxAppendix } = await import('../lib/docx');
                  const cells = await readDocxAppendix(await file.arrayBuffer());
                  if (cells.length) takeTable(cells);
                  else
                    setOtherProblems([
                      {
                        message: `Tệp "${file.name}" không có bảng phụ lục: cần một bảng có dòng tiêu đề cột (STT, Nhiệm vụ, Chủ trì, Thực hiện, Thời gian...).`,
                      },
                    ]);
                } catch {
                  setOtherProblems([{ message: `Không đọc được tệp "${file.name}": cần văn bản Word (.docx).` }]);
                }
                setBusy(null);
                input.value = '';
              }}
            />
          </Space>
          {table.length > 0 && (
            <div>
              <h2 style={{ fontSize: 15 }}>Ghép cột</h2>
              <Checkbox
                checked={firstIsHeading}
                onChange={(e) => {
                  setFirstIsHeading(e.target.checked);
                  remap(mapping, e.target.checked);
                }}
              >
                Dòng đầu là tiêu đề cột
              </Checkbox>
              <div className="filters" style={{ marginTop: 8 }}>
                {mapping.map((field, i) => (
                  <label key={i}>
                    Cột {i + 1}
                    {firstIsHeading && table[0][i] ? `: ${table[0][i]}` : ''}
                    <Select
                      aria-label={`Cột ${i + 1}${firstIsHeading && table[0][i] ? `: ${table[0][i]}` : ''}`}
                      value={field}
                      style={{ width: 190 }}
                      options={COLUMN_FIELDS.map((f) => ({ value: f.value, label: f.label }))}
                      onChange={(value) => remap(mapping.map((f, j) => (j === i ? value : f)))}
                    />
                  </label>
                ))}
              </div>
            </div>
          )}
        </Space>
      </Card>
      {busy && <Alert type="info" showIcon icon={<Spin size="small" />} title={busy} role="status" style={{ marginBottom: 12 }} />}
      <ProblemAlerts problems={otherProblems} gap={8} />
      {problemCount > 0 && (
        <Alert type="error" showIcon role="alert" title={`${problemCount} dòng cần sửa: xem thông báo bên dưới mỗi dòng.`} style={{ marginBottom: 8 }} />
      )}
      <div className="table-scroll">
        <table className="appendix" aria-label="Các dòng của phụ lục">
          <thead>
            <tr>
              {TASK_COLUMNS.map((field) => (
                <th key={field} scope="col" style={{ minWidth: field === 'text' ? 280 : field === 'ordinal' ? 50 : 130 }}>
                  {TASK_COLUMN_LABEL[field]}
                </th>
              ))}
              <th scope="col">
                <span className="skip-link">Xóa dòng</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const problem = rowProblems[row.key];
              const label = `dòng ${index + 1}`;
              return [
                <tr key={row.key} className={`${row.kind === 'section' ? 'section' : ''} ${problem ? 'has-problem' : ''}`} data-row={index + 1}>
                  {row.kind === 'section' ? (
                    <>
                      <td>
                        <Input aria-label={`STT mục, ${label}`} value={row.ordinal} onChange={(e) => setCell(row.key, 'ordinal', e.target.value)} />
                      </td>
                      <td colSpan={7}>
                        <Input aria-label={`Tên mục, ${label}`} value={row.text} onChange={(e) => setCell(row.key, 'text', e.target.value)} />
                      </td>
                    </>
                  ) : (
                    TASK_COLUMNS.map((field) => (
                      <td key={field}>
                        <Input.TextArea
                          rows={3}
                          style={{ resize: 'vertical' }}
                          aria-label={`${TASK_COLUMN_LABEL[field]}, ${label}`}
                          value={row[field]}
                          onChange={(e) => setCell(row.key, field, e.target.value)}
                        />
                      </td>
                    ))
                  )}
                  <td>
                    <Button size="small" aria-label={`Xóa ${label}`} onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                      Xóa
                    </Button>
                  </td>
                </tr>,
                problem && (
                  <tr key={`${row.key}-problem`} className="has-problem">
                    <td colSpan={9}>
                      <div className="row-problem" role="alert" data-problem-for={index + 1}>
                        Dòng {index + 1}: {problem}
                      </div>
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </div>
      <Space wrap style={{ marginTop: 12 }}>
        <Button onClick={() => setRows((all) => [...all, blankRow(`n${Date.now()}`, 'task')])}>Thêm dòng</Button>
        <Button onClick={() => setRows((all) => [...all, blankRow(`n${Date.now()}`, 'section')])}>Thêm mục</Button>
        <Button onClick={() => save(false)} disabled={!!busy}>
          Lưu dự thảo
        </Button>
        <Button type="primary" onClick={() => save(true)} disabled={!!busy}>
          Ban hành
        </Button>
      </Space>
    </div>
  );
}

/** A button opening the file chooser: antd's button look on a label around a file input hidden but still focusable; `onFile` gets the chosen file. */
function FileButton({ label, accept, onFile }: { label: string; accept: string; onFile: (file: File, input: HTMLInputElement) => void }) {
  return (
    <label className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, cursor: 'pointer' }}>
      {label}
      <input
        type="file"
        accept={accept}
        style={{ width: 1, height: 1, opacity: 0, position: 'absolute' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file, e.target);
        }}
      />
    </label>
  );
}
