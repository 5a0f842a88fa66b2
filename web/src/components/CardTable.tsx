import type { ReactNode } from 'react';
import { Card, Table, type TableColumnsType } from 'antd';

/** A titled card holding one small, unpaged list keyed by id: the pages' "list of X" block. */
export function CardTable<Row extends { id: string }>({
  title,
  rows,
  columns,
}: {
  title: ReactNode;
  rows: readonly Row[];
  columns: NoInfer<TableColumnsType<Row>>;
}) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Table<Row> rowKey="id" size="small" pagination={false} dataSource={rows} columns={columns} />
    </Card>
  );
}
