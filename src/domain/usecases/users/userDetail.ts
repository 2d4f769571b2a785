import { DomainError } from '../../model/errors';
import type { AuditLog } from '../../ports/auditLog';
import type { CallerRepository } from '../../ports/callerRepository';
import type { GroupRepository } from '../../ports/groupRepository';
import { listAudit, type AuditEntryView } from '../audit/listAudit';
import { accessPaths, type AccessPathView } from './accessPaths';
import type { ListUsersDeps } from './listUsers';
import { toUserView, type UserView } from './userView';
import { loadViewContext } from './viewContext';

/** What a user's detail needs on top of the list: the audit log, and the user's groups with what they grant. */
export interface UserDetailDeps extends ListUsersDeps {
  audit: AuditLog;
  groups: Pick<GroupRepository, 'getMany'>;
  /** Names the callers of the web trigger in the user's audit history. */
  callers?: Pick<CallerRepository, 'list'>;
}

/** One user as the detail panel shows them (U5). */
export interface UserDetailView {
  user: UserView;
  platformRoles: string[];
  protectedBy: string[];
  /** Per product: what grants it (U5). */
  accessPaths: AccessPathView[];
  audit: { items: AuditEntryView[]; next: string | null };
}

/**
 * U5: one user with everything the table shows, what grants each product, the whitelist entries protecting them
 * and their audit history.
 */
export const userDetail = async (
  request: { accountId: string; auditLimit: number; auditAfter: string | null },
  deps: UserDetailDeps,
): Promise<UserDetailView> => {
  const [user, context] = await Promise.all([deps.users.get(request.accountId), loadViewContext(deps)]);
  if (user === null) throw new DomainError('NOT_FOUND', 'No such user', { accountId: request.accountId });
  const [audit, groups] = await Promise.all([
    listAudit({ targetAccountId: user.accountId, limit: request.auditLimit, after: request.auditAfter }, {
      audit: deps.audit,
      users: deps.users,
      products: deps.products,
      ...(deps.callers === undefined ? {} : { callers: deps.callers }),
    }),
    deps.groups.getMany(user.groups.map((g) => g.id)),
  ]);
  return {
    user: toUserView(user, context),
    platformRoles: user.platformRoles,
    protectedBy: context.protectedEmails.matchingEntries(user.email).map((e) => e.normalized),
    accessPaths: accessPaths(user, groups, context),
    audit,
  };
};
