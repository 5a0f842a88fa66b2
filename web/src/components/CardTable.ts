import { createElement, type ReactNode } from 'react';
import { Card, Table, type TableColumnsType } from 'antd';

/** One small, unpaged list keyed by id; `emptyText` says what an empty list means. */
export function ListTable<Row extends { id: string }>({
  rows,
  columns,
  emptyText,
}: {
  rows: readonly Row[];
  columns: NoInfer<TableColumnsType<Row>>;
  emptyText?: string;
}) {
  return createElement(Table<Row>, {
    rowKey: 'id',
    size: 'small',
    pagination: false,
    dataSource: rows,
    columns,
    locale: emptyText === undefined ? undefined : { emptyText },
  });
}

/** A titled card holding a ListTable: the pages' "list of X" block. */
export function CardTable<Row extends { id: string }>({
  title,
  rows,
  columns,
}: {
  title: ReactNode;
  rows: readonly Row[];
  columns: NoInfer<TableColumnsType<Row>>;
}) {
  // createElement rather than JSX: the web's Jest compiles .ts only, and renders this in a unit test.
  return createElement(Card, { title, size: 'small', style: { marginBottom: 16 } }, createElement(ListTable<Row>, { rows, columns }));
}
