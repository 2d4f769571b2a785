import { useEffect, useRef, useState } from 'react';
import type { Envelope } from '../api';
import { useLoad, type Load } from './useLoad';

export interface Page<Item> {
  items: Item[];
  next: string | null;
}

/** `P`: the page as the resolver answers it (items, next, and whatever else it carries, e.g. counts). */
export interface PagedList<P extends Page<unknown>> {
  load: Load<P>;
  /** Zero-based page index. */
  page: number;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
  reload: () => void;
  /** Asks for the current page again while still showing it (no spinner, so the page keeps its height). */
  refresh: () => void;
}

/**
 * Keyset pagination: keeps the stack of cursors that led to the current page. Whenever `inputs` (filter, sort,
 * page size) change, paging starts again at the first page. Whenever `refreshOn` changes (e.g. a running job's
 * progress), the current page is fetched again while it stays on screen.
 */
export const usePagedList = <P extends Page<unknown>>(
  fetchPage: (after: string | null) => Promise<Envelope<P>>,
  inputs: unknown,
  refreshOn: number | string | null = null,
): PagedList<P> => {
  const key = JSON.stringify(inputs);
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = paging.key === key ? paging.cursors : [null];
  const page = cursors.length - 1;
  const after = cursors[page] ?? null;
  const [load, reload, refresh] = useLoad(() => fetchPage(after), [key, page, after]);
  const refreshedFor = useRef(refreshOn);
  useEffect(() => {
    if (refreshedFor.current === refreshOn) return;
    refreshedFor.current = refreshOn;
    refresh();
  }, [refreshOn, refresh]);
  const nextCursor = load.status === 'ready' ? load.data.next : null;
  return {
    load,
    page,
    hasNext: nextCursor !== null,
    next: () => {
      if (nextCursor !== null) setPaging({ key, cursors: [...cursors, nextCursor] });
    },
    previous: () => {
      if (page > 0) setPaging({ key, cursors: cursors.slice(0, -1) });
    },
    reload,
    refresh,
  };
};
