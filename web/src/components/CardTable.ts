import { createElement, type ReactNode } from 'react';
import { Card, Table, type TableColumnsType } from 'antd';

/** Rows are keyed by their `id`, or by the field `rowKey` names when they have none. */
type Keyed<Row> = Row extends { id: string } ? { rowKey?: keyof Row & string } : { rowKey: keyof Row & string };

type ListProps<Row> = {
  rows: readonly Row[];
  columns: NoInfer<TableColumnsType<Row>>;
  /** What an empty list means. */
  emptyText?: string;
  /** Rows a page; none: unpaged. No pager while one page holds them all. */
  pageSize?: number;
} & Keyed<Row>;

/** One small list. */
export function ListTable<Row extends object>({ rows, columns, emptyText, rowKey, pageSize }: ListProps<Row>) {
  return createElement(Table<Row>, {
    rowKey: rowKey ?? 'id',
    size: 'small',
    pagination: pageSize ? { pageSize, hideOnSinglePage: true } : false,
    dataSource: rows,
    columns,
    locale: emptyText === undefined ? undefined : { emptyText },
  });
}

/** A titled card holding a ListTable: the pages' "list of X" block. */
export function CardTable<Row extends object>(props: { title: ReactNode } & ListProps<Row>) {
  // createElement rather than JSX: the web's Jest compiles .ts only, and renders this in a unit test.
  return createElement(Card, { title: props.title, size: 'small', style: { marginBottom: 16 } }, ListTable<Row>(props));
}
