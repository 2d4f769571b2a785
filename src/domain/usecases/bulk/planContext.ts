import type { Group } from '../../model/group';
import type { Settings } from '../../model/settings';
import type { BulkAction, PlanContext } from '../../policy/actionEligibility';
import { ProtectedEmails } from '../../policy/protectedEmails';
import type { GroupRepository } from '../../ports/groupRepository';
import type { UserQueryContext } from '../../ports/userRepository';

const GROUP_PAGE = 500;
const MAX_GROUP_PAGES = 100;

/** Every synced group with its grants: revoking product access must know which groups grant it (and if IdP-synced). */
export const allGroups = async (groups: GroupRepository): Promise<Map<string, Group>> => {
  const byId = new Map<string, Group>();
  let after: string | null = null;
  for (let page = 0; page < MAX_GROUP_PAGES; page += 1) {
    const result = await groups.list(null, GROUP_PAGE, after);
    for (const group of result.items) byId.set(group.id, group);
    after = result.next;
    if (after === null) break;
  }
  return byId;
};

/**
 * The context a plan and the executor's re-check use: the current whitelist (protection is enforced here, in the
 * core), thresholds and time; the groups only when the action needs them (a revoke, or `withGroups`: a revert, which
 * may put users back in groups). Manual bulk actions have no inactivity requirement: the admin chose the users.
 */
export const planContextFor = async (
  action: BulkAction,
  settings: Settings,
  now: Date,
  groups: GroupRepository,
  withGroups = false,
): Promise<PlanContext & UserQueryContext> => ({
  protectedEmails: ProtectedEmails.from(settings.protectedEmails),
  groupsById: withGroups || action.type === 'revoke-product' ? await allGroups(groups) : new Map<string, Group>(),
  thresholds: settings.inactivity,
  now,
});
