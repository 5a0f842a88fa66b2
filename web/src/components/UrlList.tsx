import type { ReactNode } from 'react';
import { Input, InputNumber, Select, Table, type TableColumnsType } from 'antd';
import type { CombinedError } from 'urql';
import { problemsOf } from '../lib/errors';
import { urlPagination, urlYear, useUrlState } from '../lib/url';
import { ProblemAlerts } from './ProblemAlerts';

/** A list's year filter (`nam` in the URL): another year starts again at the first page. */
export function YearFilter() {
  const [params, update] = useUrlState();
  return (
    <label>
      Năm
      <InputNumber aria-label="Năm" min={2000} max={2100} value={urlYear(params)} onChange={(v) => update({ nam: v ?? null, trang: null })} />
    </label>
  );
}

/** A filter chosen among `options`, its label above it; `allowClear`: it can be emptied (no filter; `onChange` gets undefined). */
export function SelectFilter<Value extends string | number>({
  label,
  ariaLabel = label,
  value,
  width,
  allowClear,
  options,
  onChange,
}: {
  label: string;
  ariaLabel?: string;
  value?: Value;
  width: number;
  allowClear?: boolean;
  options: Array<{ value: Value; label: ReactNode }>;
  onChange: (value: Value) => void;
}) {
  return (
    <label>
      {label}
      <Select<Value> aria-label={ariaLabel} allowClear={allowClear} value={value} style={{ width }} options={options} onChange={onChange} />
    </label>
  );
}

/**
 * A text filter kept in the URL under `param`, applied on Enter or on leaving the field; `paged`:
 * a new value starts the list again at the first page.
 */
export function UrlTextFilter({
  label,
  ariaLabel = label,
  param,
  width,
  paged = false,
  allowClear,
  placeholder,
}: {
  label: string;
  ariaLabel?: string;
  param: string;
  width: number;
  paged?: boolean;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const [params, update] = useUrlState();
  const apply = (value: string) => update(paged ? { [param]: value, trang: null } : { [param]: value });
  return (
    <label>
      {label}
      <Input
        aria-label={ariaLabel}
        allowClear={allowClear}
        defaultValue={params.get(param) ?? ''}
        placeholder={placeholder}
        onPressEnter={(e) => apply((e.target as HTMLInputElement).value)}
        onBlur={(e) => apply(e.target.value)}
        style={{ width }}
      />
    </label>
  );
}

/** A list page's table, paged in the URL, under what went wrong with its query. */
export function UrlPagedTable<Row extends { id: string }>({
  rows,
  loading,
  error,
  noun,
  columns,
}: {
  rows: readonly Row[];
  loading: boolean;
  error?: CombinedError;
  /** What the total counts ("kế hoạch"). */
  noun: string;
  columns: NoInfer<TableColumnsType<Row>>;
}) {
  const [params, update] = useUrlState();
  return (
    <>
      <ProblemAlerts problems={problemsOf(error)} />
      <div className="table-scroll">
        <Table<Row> rowKey="id" loading={loading} dataSource={rows} pagination={urlPagination(params, update, noun)} columns={columns} />
      </div>
    </>
  );
}
