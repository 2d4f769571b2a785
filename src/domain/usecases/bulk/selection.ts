import { DomainError } from '../../model/errors';
import type { User } from '../../model/user';
import type { UserFilter, UserQueryContext, UserRepository } from '../../ports/userRepository';

/** Most users "all matching the filter" may cover (the explicit selection's ≤ 500 is checked at the edge). */
export const MAX_FILTER_SELECTION = 10_000;
const PAGE = 500;

/** B1: the rows the admin ticked, or every user matching a users-list filter. */
export type BulkSelection = { kind: 'accounts'; accountIds: readonly string[] } | { kind: 'filter'; filter: UserFilter };

const tooLarge = (): DomainError =>
  new DomainError('VALIDATION_FAILED', 'Too many users match the filter for one bulk action', {
    issues: [{ path: 'selection', messageKey: 'validation.bulk.selection-too-large', message: `more than ${MAX_FILTER_SELECTION}` }],
    max: MAX_FILTER_SELECTION,
  });

/**
 * The selected users as the synced directory has them, in a stable order (explicit: as given; filter: by name).
 * Account IDs the directory does not know are left out. VALIDATION_FAILED beyond MAX_FILTER_SELECTION.
 */
export const resolveSelection = async (
  selection: BulkSelection,
  context: UserQueryContext,
  users: Pick<UserRepository, 'getMany' | 'list'>,
): Promise<User[]> => {
  if (selection.kind === 'accounts') return users.getMany(selection.accountIds);
  const found: User[] = [];
  let after: string | null = null;
  do {
    const page = await users.list({ filter: selection.filter, sort: { key: 'name', direction: 'asc' }, limit: PAGE, after }, context);
    found.push(...page.items);
    if (found.length > MAX_FILTER_SELECTION) throw tooLarge();
    after = page.next;
  } while (after !== null);
  return found;
};
