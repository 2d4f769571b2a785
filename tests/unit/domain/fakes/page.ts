/** An offset-cursor page of `items`, the shape of the repositories' keyset pages. */
export const pageOf = <T>(items: readonly T[], limit: number, after: string | null): { items: T[]; next: string | null } => {
  const start = after === null ? 0 : Number(after);
  const slice = items.slice(start, start + limit);
  return { items: [...slice], next: start + limit < items.length ? String(start + limit) : null };
};
