import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { CardTable, ListTable } from '../components/CardTable';
import { columnsOf } from './columns';

// The shared builders must render what the pages wrote inline before: the card's title, the
// column headings, a cell linking to the row's page with its text, and a field as it is.
describe('columnsOf and CardTable', () => {
  it('render a titled card with a link column and a field column', () => {
    type Row = { id: string; regimeName: string; period: string };
    const column = columnsOf<Row>();
    const html = renderToStaticMarkup(
      createElement(
        MemoryRouter,
        null,
        createElement(CardTable<Row>, {
          title: 'Báo cáo của đơn vị',
          rows: [{ id: 'r/1', regimeName: 'Báo cáo CCHC quý', period: '2026-Q1' }],
          columns: [
            column.link(
              'Chế độ báo cáo',
              (r) => `/bao-cao/${encodeURIComponent(r.id)}`,
              (r) => r.regimeName,
            ),
            column.field('Kỳ', 'period'),
          ],
        }),
      ),
    );
    expect(html).toContain('Báo cáo của đơn vị');
    expect(html).toContain('Chế độ báo cáo');
    expect(html).toMatch(/<th[^>]*>Kỳ<\/th>/);
    expect(html).toContain('<a href="/bao-cao/r%2F1"');
    expect(html).toMatch(/>Báo cáo CCHC quý<\/a>/);
    expect(html).toMatch(/<td[^>]*>2026-Q1<\/td>/);
  });

  it('an empty ListTable says what its emptyText says', () => {
    type Row = { id: string; year: number };
    const html = renderToStaticMarkup(
      createElement(ListTable<Row>, { rows: [], emptyText: 'Chưa có đợt đánh giá nào.', columns: [columnsOf<Row>().field('Năm', 'year')] }),
    );
    expect(html).toContain('Chưa có đợt đánh giá nào.');
    expect(html).toMatch(/<th[^>]*>Năm<\/th>/);
  });

  it('a ListTable keys its rows by id, or by the field rowKey names', () => {
    type Row = { unitCode: string; name: string };
    const html = renderToStaticMarkup(
      createElement(ListTable<Row>, { rowKey: 'unitCode', rows: [{ unitCode: '030', name: 'Vị Xuyên' }], columns: [columnsOf<Row>().field('Đơn vị', 'name')] }),
    );
    expect(html).toContain('data-row-key="030"');
  });

  it('a ListTable pages its rows by pageSize, with no pager while one page holds them', () => {
    type Row = { id: string; name: string };
    const rows = [1, 2, 3].map((n) => ({ id: `u${n}`, name: `Đơn vị ${n}` }));
    const render = (pageSize?: number) =>
      renderToStaticMarkup(createElement(ListTable<Row>, { rows, pageSize, columns: [columnsOf<Row>().field('Đơn vị', 'name')] }));
    expect(render(2)).toContain('ant-pagination');
    expect(render(2)).not.toContain('Đơn vị 3');
    expect(render(3)).not.toContain('ant-pagination');
    expect(render()).not.toContain('ant-pagination');
  });
});
