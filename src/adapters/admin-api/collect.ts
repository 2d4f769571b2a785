import { DomainError } from '../../domain/model/errors';

/** Safety net against a server that hands back the same cursor forever. */
const MAX_PAGES = 1000;

/**
 * Reads every page of a small list (orgs, directories, workspaces, one group's role assignments, one
 * user's last-active dates, API keys), following cursors until there is none. A cursor seen twice is an
 * upstream fault, not the end of the list.
 */
export const collectPages = async <T>(
  operation: string,
  readPage: (cursor: string | null) => Promise<{ items: T[]; next: string | null }>,
): Promise<T[]> => {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await readPage(cursor);
    items.push(...result.items);
    if (result.next === null) return items;
    if (seen.has(result.next)) break;
    seen.add(result.next);
    cursor = result.next;
  }
  throw new DomainError('UPSTREAM_FAILED', `The Admin API kept returning pages for ${operation}.`, {
    operation,
    reason: 'cursor-loop',
  });
};
