import { DomainError } from '../../model/errors';

/**
 * One page of a list computed whole (a dry run's plan, a proposal's users): the cursor is the offset of the page's
 * first item as text, so the screens and the CSV export page it like any keyset list. A malformed cursor is
 * VALIDATION_FAILED (`taskRuns.validation.bad-cursor`).
 */
export const offsetPage = <T>(all: readonly T[], limit: number, after: string | null): { items: T[]; next: string | null } => {
  if (after !== null && !/^\d{1,9}$/.test(after)) {
    throw new DomainError('VALIDATION_FAILED', 'Malformed page cursor', {
      issues: [{ path: 'after', messageKey: 'taskRuns.validation.bad-cursor', message: 'bad-cursor' }],
    });
  }
  const offset = after === null ? 0 : Number(after);
  const end = offset + limit;
  return { items: all.slice(offset, end), next: end < all.length ? String(end) : null };
};
