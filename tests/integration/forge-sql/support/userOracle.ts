import type { User } from '../../../../src/domain/model/user';
import { classifyProduct, classifyUser } from '../../../../src/domain/policy/inactivityPolicy';
import { foldEmail } from '../../../../src/domain/policy/protectedEmails';
import type { UserFilter, UserQuery, UserQueryContext } from '../../../../src/domain/ports/userRepository';
import { cmp } from './seedDirectory';

/**
 * The in-memory meaning of U4's filters and sorts, written from the domain's policies (classifyUser,
 * classifyProduct, ProtectedEmails) rather than from the SQL, to check the repository against.
 */
const fold = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();

/** The most recent activity over every product, or over the chosen product's sites. */
const lastActivity = (u: User, productKey?: string): number | null => {
  const accesses = u.productAccess.filter((a) => productKey === undefined || a.productKey === productKey);
  const times = accesses.flatMap((a) => (a.lastActiveAt ? [a.lastActiveAt.getTime()] : []));
  return times.length === 0 ? null : Math.max(...times);
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * U4/U6 search: the folded text starts with the folded search, or some word of it does (a word starts at a letter
 * or digit after any other character). Leading characters of the search that start no word are ignored.
 */
const searchMatches = (u: User, search: string): boolean => {
  const folded = fold(search);
  const query = /[\p{L}\p{N}]/u.test(folded) ? folded.replace(/^[^\p{L}\p{N}]+/u, '') : folded;
  const wordStart = /^[\p{L}\p{N}]/u.test(query) ? new RegExp(`[^\\p{L}\\p{N}]${escapeRegExp(query)}`, 'u') : null;
  return [fold(u.name), fold(u.email ?? '')].some((text) => text.startsWith(query) || wordStart?.test(text) === true);
};

export const matches = (u: User, f: UserFilter, ctx: UserQueryContext, left: ReadonlySet<string>): boolean => {
  if (f.includeLeft !== true && left.has(u.accountId)) return false;
  const search = f.search?.trim() ?? '';
  if (search !== '' && !searchMatches(u, search)) return false;
  if (f.accountStatus?.length && !f.accountStatus.includes(u.accountStatus)) return false;
  if (f.productKey !== undefined) {
    const state = classifyProduct(u, f.productKey, ctx.thresholds, ctx.now);
    if (state === null) return false;
    if (f.inactivity?.length && !f.inactivity.includes(state)) return false;
  } else if (f.inactivity?.length && !f.inactivity.includes(classifyUser(u, ctx.thresholds, ctx.now))) {
    return false;
  }
  if (f.groupId !== undefined && !u.groups.some((g) => g.id === f.groupId)) return false;
  if (f.managed !== undefined && u.managed !== f.managed) return false;
  if (f.billable !== undefined && u.billable !== f.billable) return false;
  if (f.protected !== undefined && ctx.protectedEmails.isProtected(u.email) !== f.protected) return false;
  return true;
};

/** Sort tuple, ascending meaning; the account ID breaks ties. With a product chosen, activity is that product's (I1). */
const sortTuple = (u: User, key: UserQuery['sort']['key'], productKey?: string): (string | number)[] => {
  const last = lastActivity(u, productKey);
  // Most recent activity first, then never-active (the most recently added first, an unknown date last), then unknown.
  const inactivity = !u.activityKnown ? [2, 0] : last === null ? [1, -(u.addedToOrgAt?.getTime() ?? 0)] : [0, -last];
  switch (key) {
    case 'name':
      return [fold(u.name).slice(0, 255)];
    case 'email':
      return [u.email === null ? '' : foldEmail(u.email)];
    case 'accountStatus':
      return [u.accountStatus, fold(u.name)];
    case 'inactivity':
      return inactivity;
    case 'lastActiveAt':
      return inactivity.map((v) => -v);
    case 'addedToOrgAt':
      return [u.addedToOrgAt?.getTime() ?? -1];
    case 'managed':
      return [u.managed ? 1 : 0, fold(u.name)];
    case 'billable':
      return [u.billable ? 1 : 0, fold(u.name)];
  }
};

const compareTuples = (a: readonly (string | number)[], b: readonly (string | number)[]): number => {
  for (let i = 0; i < a.length; i++) {
    const c = cmp(a[i] ?? 0, b[i] ?? 0);
    if (c !== 0) return c;
  }
  return 0;
};

/** Account IDs of every match, in the query's order. */
export const expectedOrder = (
  users: readonly User[],
  query: Pick<UserQuery, 'filter' | 'sort'>,
  ctx: UserQueryContext,
  left: ReadonlySet<string> = new Set(),
): string[] => {
  const sign = query.sort.direction === 'asc' ? 1 : -1;
  // lastActiveAt ascending is inactivity descending, with the tie-breaker descending too.
  const tieSign = query.sort.key === 'lastActiveAt' ? -sign : sign;
  return users
    .filter((u) => matches(u, query.filter, ctx, left))
    .map((u) => ({ id: u.accountId, key: sortTuple(u, query.sort.key, query.filter.productKey) }))
    .sort((a, b) => sign * compareTuples(a.key, b.key) || tieSign * cmp(a.id, b.id))
    .map((e) => e.id);
};
