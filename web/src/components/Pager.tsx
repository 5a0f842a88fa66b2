import { Button } from 'antd';

/**
 * Previous / next through a long list, for the pages everyone opens first: antd's Pagination
 * carries its page-size Select (a virtual list and popups), a fifth of the inbox's JavaScript.
 */
export function Pager({
  page,
  pageSize,
  total,
  unit,
  onChange,
  label = 'Phân trang',
}: {
  page: number;
  pageSize: number;
  total: number;
  unit: string;
  onChange: (page: number) => void;
  label?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={label}>
      <Button disabled={page <= 1} onClick={() => onChange(page - 1)}>
        ‹ Trang trước
      </Button>
      <span aria-live="polite">
        Trang {page}/{pages} · {total} {unit}
      </span>
      <Button disabled={page >= pages} onClick={() => onChange(page + 1)}>
        Trang sau ›
      </Button>
    </nav>
  );
}
