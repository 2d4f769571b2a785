import { DomainError } from '../../model/errors';
import type { User } from '../../model/user';
import type { JobRepository } from '../../ports/jobRepository';
import type { UserFilter, UserQueryContext, UserRepository } from '../../ports/userRepository';

/** Most users "all matching the filter" may cover (the explicit selection's ≤ 500 is checked at the edge). */
export const MAX_FILTER_SELECTION = 10_000;
const PAGE = 500;

/** B1: the rows the admin ticked, every user matching a users-list filter, or (B3 retry) the users a job failed. */
export type BulkSelection =
  | { kind: 'accounts'; accountIds: readonly string[] }
  | { kind: 'filter'; filter: UserFilter }
  | { kind: 'failed-in-job'; jobId: string };

const tooLarge = (): DomainError =>
  new DomainError('VALIDATION_FAILED', 'Too many users match the filter for one bulk action', {
    issues: [{ path: 'selection', messageKey: 'validation.bulk.selection-too-large', message: `more than ${MAX_FILTER_SELECTION}` }],
    max: MAX_FILTER_SELECTION,
  });

/** The users a job recorded as failed, by account ID; none for an unknown job. */
const failedIn = async (jobId: string, stores: SelectionStores): Promise<User[]> => {
  const found: User[] = [];
  let after: string | null = null;
  do {
    const page: Awaited<ReturnType<JobRepository['results']>> = await stores.jobs.results(jobId, PAGE, after, 'failed');
    found.push(...(await stores.users.getMany(page.items.map((i) => i.accountId))));
    if (found.length > MAX_FILTER_SELECTION) throw tooLarge();
    after = page.next;
  } while (after !== null);
  return found;
};

interface SelectionStores {
  users: Pick<UserRepository, 'getMany' | 'list'>;
  jobs: Pick<JobRepository, 'results'>;
}

/**
 * The selected users as the synced directory has them, in a stable order (explicit: as given; filter: by name;
 * a job's failed users: by account ID). Account IDs the directory does not know are left out. VALIDATION_FAILED
 * beyond MAX_FILTER_SELECTION.
 */
export const resolveSelection = async (selection: BulkSelection, context: UserQueryContext, stores: SelectionStores): Promise<User[]> => {
  const { users } = stores;
  if (selection.kind === 'accounts') return users.getMany(selection.accountIds);
  if (selection.kind === 'failed-in-job') return failedIn(selection.jobId, stores);
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
