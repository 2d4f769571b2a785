import { HttpError } from './http/route';

/** What a cursor carries: which listing, the query it belongs to, and the offset of its page. */
export interface CursorState<Q> {
  kind: string;
  query: Q;
  offset: number;
}

/**
 * Opaque cursors: base64url of a JSON state. A cursor alone is enough to fetch its page, as the spec says
 * ("If present, all other parameters are discarded").
 */
export function encodeCursor<Q>(state: CursorState<Q>): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor of the given kind; `parseQuery` checks the embedded query. A cursor that is not ours raises 400
 * with ADMIN-400-1 (invalid page cursor).
 */
export function decodeCursor<Q>(cursor: string, kind: string, parseQuery: (q: unknown) => Q): CursorState<Q> {
  try {
    const raw: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof raw === 'object' && raw !== null && 'kind' in raw && 'offset' in raw && 'query' in raw) {
      const { kind: k, offset, query } = raw;
      if (k === kind && typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) {
        return { kind, offset, query: parseQuery(query) };
      }
    }
  } catch {
    // fall through to the 400 below
  }
  throw new HttpError(400, 'ADMIN-400-1', 'Invalid page cursor');
}

/** Page links as LinkPageCursor wants them: bare cursors. */
export interface PageLinks {
  self: string;
  prev?: string;
  next?: string;
}

/**
 * One page of the items `0..total-1` that `match`, starting at index `start`. Cursors store the index to resume
 * from, so each page costs O(page) even at 100,000 users, and pages stay stable while writes change the state.
 */
export function scanPage(
  total: number,
  match: (index: number) => boolean,
  cursor: { kind: string; query: unknown; start: number; limit: number },
): { indices: number[]; links: PageLinks } {
  const { kind, query, start, limit } = cursor;
  const indices: number[] = [];
  let i = start;
  for (; i < total && indices.length < limit; i++) if (match(i)) indices.push(i);
  const links: PageLinks = { self: encodeCursor({ kind, query, offset: start }) };
  for (let j = i; j < total; j++) {
    if (match(j)) {
      links.next = encodeCursor({ kind, query, offset: j });
      break;
    }
  }
  let prev: number | null = null;
  for (let j = start - 1, found = 0; j >= 0 && found < limit; j--) {
    if (match(j)) {
      prev = j;
      found++;
    }
  }
  if (prev !== null) links.prev = encodeCursor({ kind, query, offset: prev });
  return { indices, links };
}
