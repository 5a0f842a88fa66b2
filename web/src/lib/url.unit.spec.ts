import { urlPagination } from './url';

describe('a list paged in the URL', () => {
  it('reads the page from `trang`, writes the page chosen back to it, and counts the rows in the list’s words', () => {
    const changes: Array<Record<string, number>> = [];
    const pagination = urlPagination(new URLSearchParams('trang=3&nam=2021'), (c) => changes.push(c), 'kế hoạch');
    expect(pagination).toMatchObject({ current: 3, pageSize: 20, showSizeChanger: false });
    pagination.onChange(4);
    expect(changes).toEqual([{ trang: 4 }]);
    expect(pagination.showTotal(42)).toBe('42 kế hoạch');
    expect(urlPagination(new URLSearchParams(''), () => undefined, 'kế hoạch').current).toBe(1);
  });
});
