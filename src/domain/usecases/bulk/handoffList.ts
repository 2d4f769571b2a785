import { directoryName } from '../../model/user';
import type { BulkAction, PlanItem } from '../../policy/actionEligibility';
import type { PlanDeps } from './deps';
import { computePlan } from './planBulk';
import type { BulkSelection } from './selection';

/** Skip reasons that only the identity provider can resolve: the account or the granting group is its own. */
export const handoffReasons = ['idp-managed', 'idp-synced-group'] as const;
export type HandoffReason = (typeof handoffReasons)[number];

/** One line of the hand-off list: a user the plan skips because the identity provider owns the account or group. */
export interface HandoffRow {
  accountId: string;
  name: string | null;
  email: string | null;
  reason: HandoffReason;
  /** The synced group that grants the access (one row per group); null when the account itself is the IdP's. */
  group: string | null;
  /** The name of the directory the user is in (null when the Admin API names none), and its id. */
  directory: string | null;
  directoryId: string | null;
  /**
   * The directory the group was synced into, by name and id (null without a group, or until a groups sync stored
   * it). The Admin API names no identity provider, so this is where the IdP team looks.
   */
  groupDirectory: string | null;
  groupDirectoryId: string | null;
}

const isHandoff = (item: PlanItem): item is PlanItem & { decision: 'skip'; reason: HandoffReason } =>
  item.decision === 'skip' && (handoffReasons as readonly string[]).includes(item.reason);

const rowKey = (row: HandoffRow): string => `${row.accountId}\n${row.group ?? ''}`;

/**
 * B2 hand-off: the plan's users the identity provider owns (account or granting group), for the IdP team, ordered
 * by account and group and paged by that key (`after`: the previous page's `next`). Plans again; changes nothing.
 */
export const handoffList = async (
  request: { action: BulkAction; selection: BulkSelection; limit: number; after: string | null },
  deps: PlanDeps,
): Promise<{ items: HandoffRow[]; next: string | null }> => {
  const { plan, people, groupsOf } = await computePlan(request.action, request.selection, deps);
  const rows = plan.items.filter(isHandoff).flatMap((item): HandoffRow[] => {
    const person = people.get(item.accountId);
    const directory = person?.directory ?? null;
    const base = {
      accountId: item.accountId,
      name: person?.name ?? null,
      email: person?.email ?? null,
      reason: item.reason,
      directory: directoryName(directory),
      directoryId: directory?.id ?? null,
    };
    const groups = groupsOf(item.groupIds);
    return groups.length === 0
      ? [{ ...base, group: null, groupDirectory: null, groupDirectoryId: null }]
      : groups.map((g) => ({ ...base, group: g.name, groupDirectory: directoryName(g.directory), groupDirectoryId: g.directory?.id ?? null }));
  });
  const after = request.after;
  const sorted = rows.sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1)).filter((row) => after === null || rowKey(row) > after);
  const items = sorted.slice(0, request.limit);
  const last = items.at(-1);
  return { items, next: sorted.length > items.length && last !== undefined ? rowKey(last) : null };
};
