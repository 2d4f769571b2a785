import type { User } from '../../../../src/domain/model/user';
import type { UserQuery, UserQueryContext, UserRepository } from '../../../../src/domain/ports/userRepository';

/** The account IDs of every page of a query, following the cursors to the end. */
export const allPages = async (repo: UserRepository, query: Omit<UserQuery, 'after'>, ctx: UserQueryContext): Promise<string[]> => {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 5000; page++) {
    const result: { items: User[]; next: string | null } = await repo.list({ ...query, after }, ctx);
    ids.push(...result.items.map((u) => u.accountId));
    if (result.next === null) return ids;
    after = result.next;
  }
  throw new Error('did not finish');
};
