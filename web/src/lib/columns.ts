import { createElement, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { TableColumnType } from 'antd';

/**
 * Column builders for one row type, so a column several tables show (a link to the row's page, a
 * plain field) is written once. antd's column type is invariant in its row, hence one builder set
 * a row type: `const col = columnsOf<Row>()`. Plain createElement (no JSX) so the web's Jest, which
 * compiles .ts only, can render them.
 */
export function columnsOf<Row>() {
  return {
    /** A column whose cell links to the row's own page. */
    link: (title: string, to: (row: Row) => string, text: (row: Row) => ReactNode): TableColumnType<Row> => ({
      title,
      render: (_, row) => createElement(Link, { to: to(row) }, text(row)),
    }),
    /** A column showing one field of the row as it is. */
    field: (title: string, field: keyof Row & string): TableColumnType<Row> => ({ title, dataIndex: field }),
  };
}
