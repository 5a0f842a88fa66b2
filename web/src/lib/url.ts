import { useSearchParams } from 'react-router-dom';

/** A page's filters live in its URL, so a link shows the same list to a colleague. */
export function useUrlState(): [URLSearchParams, (changes: Record<string, string | number | null | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: false });
  };
  return [params, update];
}

/** The year a list is filtered by (`nam`), if any. */
export const urlYear = (params: URLSearchParams): number | undefined => (params.get('nam') ? Number(params.get('nam')) : undefined);

/**
 * A list's pagination kept in the URL (`trang`), twenty rows a page, the total counted in `noun`
 * ("kế hoạch"): what antd's Table takes as `pagination`.
 */
export function urlPagination(params: URLSearchParams, update: (changes: Record<string, number>) => void, noun: string) {
  return {
    current: Number(params.get('trang') ?? 1),
    pageSize: 20,
    showSizeChanger: false,
    onChange: (page: number) => update({ trang: page }),
    showTotal: (total: number) => `${total} ${noun}`,
  };
}
