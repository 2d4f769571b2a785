/**
 * The two paging styles. Jira: `startAt`/`maxResults` → PageBean (`isLast`, `nextPage`, `total`), with
 * `maxResults` lowered to the operation's maximum as the Jira narrative describes. JSM: `start`/`limit` → PagedDTO
 * (`size`, `isLastPage`, `_links`), where `limit` echoes the request and `size` is capped at the method's maximum
 * (the JSM narrative: "the first page shows size less than limit and isLastPage false").
 */

/**
 * A Jira PageBean over `all` (ordered), with `nextPage`/`self` built by `urlAt(startAt, maxResults)`; only the
 * page's items go through `view`.
 */
export const jiraPage = <T>(
  all: readonly T[],
  startAt: number,
  maxResults: number,
  urlAt: (startAt: number, maxResults: number) => string,
  view: (item: T) => unknown,
): Record<string, unknown> => {
  const values = all.slice(startAt, startAt + maxResults).map(view);
  const isLast = startAt + values.length >= all.length;
  return {
    self: urlAt(startAt, maxResults),
    ...(isLast ? {} : { nextPage: urlAt(startAt + values.length, maxResults) }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values,
  };
};

/** A JSM PagedDTO over `all` (ordered); links from `urlAt(start, limit)` under `base`; the page goes through `view`. */
export const jsmPage = <T>(
  all: readonly T[],
  start: number,
  limit: number,
  serverMax: number,
  base: string,
  urlAt: (start: number, limit: number) => string,
  view: (item: T) => unknown,
): Record<string, unknown> => {
  const values = all.slice(start, start + Math.min(limit, serverMax)).map(view);
  const isLastPage = start + values.length >= all.length;
  const links: Record<string, string> = { base, context: '', self: urlAt(start, limit) };
  if (!isLastPage) links.next = urlAt(start + values.length, limit);
  if (start > 0) links.prev = urlAt(Math.max(0, start - limit), limit);
  return { _expands: [], size: values.length, start, limit, isLastPage, _links: links, values };
};
