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
