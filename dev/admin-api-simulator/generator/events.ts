import type { Rng } from '../rng';
import type { SimEvent, SimOrg } from '../model';

/** Event action keys the simulator emits (its own choice: the spec leaves the list to `event-actions`). */
export const EVENT_ACTIONS = {
  suspended: 'user_suspended',
  restored: 'user_restored',
  deactivated: 'user_deactivated',
  reactivated: 'user_reactivated',
  roleGranted: 'user_granted_role',
  roleRevoked: 'user_revoked_role',
  addedToGroup: 'user_added_to_group',
  removedFromGroup: 'user_removed_from_group',
} as const;

/** A short history (the last 30 days) of membership changes, so events-stream has something from the start. */
export function seedEvents(rng: Rng, org: SimOrg): SimEvent[] {
  const admin = org.users[0];
  const out: SimEvent[] = [];
  if (!admin) return out;
  const count = Math.min(50, Math.max(5, Math.floor(org.users.length / 10)));
  for (let i = 0; i < count; i++) {
    const user = rng.pick(org.users);
    const group = org.groups[rng.pick(user.groups.length > 0 ? user.groups : [0])];
    out.push({
      id: rng.uuid(),
      time: Math.floor(org.now - rng.next() * 30 * 86_400_000),
      action: EVENT_ACTIONS.addedToGroup,
      actorId: admin.accountId,
      context: [
        { id: user.accountId, type: 'users' },
        ...(group ? [{ id: group.id, type: 'groups' }] : []),
      ],
    });
  }
  return out.sort((a, b) => a.time - b.time);
}
