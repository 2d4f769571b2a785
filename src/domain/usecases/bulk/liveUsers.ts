import type { User } from '../../model/user';
import type { ChangeTarget } from './executeChange';

/** The users search filters on at most this many accounts per call. */
const ACCOUNTS_PER_SEARCH = 10;

/**
 * The directory's live state of `accountIds` (the users search with an account filter, 10 accounts a call), each
 * taken from the first directory that holds it, in the order changes try them. An account no directory returns
 * is not in the map.
 */
export const liveUsers = async (accountIds: readonly string[], target: ChangeTarget): Promise<Map<string, User>> => {
  const found = new Map<string, User>();
  for (const directoryId of await target.directoryIds()) {
    const wanted = accountIds.filter((id) => !found.has(id));
    for (let at = 0; at < wanted.length; at += ACCOUNTS_PER_SEARCH) {
      const chunk = wanted.slice(at, at + ACCOUNTS_PER_SEARCH);
      let cursor: string | null = null;
      do {
        const page = await target.directory.searchUsers(target.orgId, directoryId, cursor, { accountIds: chunk });
        for (const user of page.items) if (chunk.includes(user.accountId) && !found.has(user.accountId)) found.set(user.accountId, user);
        cursor = page.next;
      } while (cursor !== null);
    }
  }
  return found;
};
