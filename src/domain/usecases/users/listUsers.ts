import type { UserFilter, UserQuery, UserRepository } from '../../ports/userRepository';
import { toUserView, type UserView } from './userView';
import { loadViewContext, type ViewDeps } from './viewContext';

/** What listing and counting users needs. */
export interface ListUsersDeps extends ViewDeps {
  users: UserRepository;
}

/**
 * One keyset page of the organization's users (U1, U4; the inactive users view I1 is the same query with an
 * inactivity filter), each evaluated against the current thresholds and whitelist; with a product filter, each
 * row's activity and state are that product's (I1).
 */
export const listUsers = async (query: UserQuery, deps: ListUsersDeps): Promise<{ items: UserView[]; next: string | null }> => {
  const context = await loadViewContext(deps);
  const page = await deps.users.list(query, context);
  return { items: page.items.map((user) => toUserView(user, context, query.filter.productKey)), next: page.next };
};

/** How many users match the filter (U4 result count; the "select all matching" count of B1). */
export const countUsers = async (filter: UserFilter, deps: ListUsersDeps): Promise<{ count: number }> => {
  const context = await loadViewContext(deps);
  return { count: await deps.users.countMatching(filter, context) };
};
