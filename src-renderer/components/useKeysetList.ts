import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, IpcResult } from '../api/client';

/**
 * A list read page by page with keyset cursors: the first page whenever `fetchPage` changes (a new
 * filter), then "load more" appends the next one. An answer to an older request (the filter changed
 * meanwhile) is dropped, so the rows shown always belong to the filter shown, and "load more" does
 * nothing while a page is on its way (a double click must not append the same page twice).
 * `nextCursor` reads the cursor of the page after this one from an answer (null: none).
 */
export function useKeysetList<P extends { items: readonly unknown[] }, C>(
  fetchPage: (cursor: C | null) => Promise<IpcResult<P>>,
  nextCursor: (page: P) => C | null,
): {
  items: Array<P['items'][number]> | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadError: ApiError | null;
  loadMore: () => void;
} {
  const [items, setItems] = useState<Array<P['items'][number]> | null>(null);
  const [cursor, setCursor] = useState<C | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  const cursorOf = useRef(nextCursor);
  cursorOf.current = nextCursor;

  const load = useCallback(
    async (after: C | null) => {
      const request = ++latest.current;
      if (after === null) setItems(null);
      else setLoadingMore(true);
      const result = await fetchPage(after);
      if (request !== latest.current) return;
      setLoadingMore(false);
      if (!result.ok) {
        setLoadError(result.error);
        return;
      }
      setLoadError(null);
      setItems((prev) => (after !== null && prev ? [...prev, ...result.data.items] : [...result.data.items]));
      setCursor(cursorOf.current(result.data));
    },
    [fetchPage],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    hasMore: cursor !== null,
    loadingMore,
    loadError,
    loadMore: () => {
      if (cursor !== null && !loadingMore) void load(cursor);
    },
  };
}
