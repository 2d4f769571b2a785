import type { Group } from '../../../../src/domain/model/group';
import type { User } from '../../../../src/domain/model/user';
import type { SliceBudget } from '../../../../src/domain/usecases/sync/budget';
import type { SliceOutcome } from '../../../../src/domain/usecases/sync/continuation';
import { runSyncSlice } from '../../../../src/domain/usecases/sync/runSlice';
import { customerKeys, roleKey } from '../fakes';
import type { World } from './world';

/** A consumer's time budget on the fake clock: `totalMs` from the moment the slice starts. */
export const budgetOf = (w: World, totalMs = 900_000): SliceBudget => {
  const start = w.clock.now().getTime();
  return { remainingMs: () => totalMs - (w.clock.now().getTime() - start) };
};

export interface DrainOptions {
  /** Deliver every message twice (the platform's at-least-once delivery). */
  redeliver?: boolean;
  /** For each delivery, the port call (1-based, counted from the delivery) at which the consumer dies; null: never. */
  killAt?: () => number | null;
  sliceMs?: number;
  maxDeliveries?: number;
}

export interface DrainResult {
  outcomes: SliceOutcome[];
  deliveries: number;
  kills: number;
}

/**
 * Plays the queue until it is empty: waits out delays on the fake clock, delivers each message (again after a
 * kill, as the platform retries a failed invocation), and optionally delivers every message twice.
 */
export const drain = async (w: World, options: DrainOptions = {}): Promise<DrainResult> => {
  const result: DrainResult = { outcomes: [], deliveries: 0, kills: 0 };
  const max = options.maxDeliveries ?? 10_000;
  for (let next = w.queue.takeNext(); next !== undefined; next = w.queue.takeNext()) {
    const { message } = next;
    if (message.kind !== 'sync' && message.kind !== 'sync-activity') continue;
    if (next.availableAt > w.clock.now().getTime()) w.clock.set(new Date(next.availableAt));
    const times = options.redeliver === true ? 2 : 1;
    for (let i = 0; i < times; i += 1) {
      for (;;) {
        if ((result.deliveries += 1) > max) throw new Error('the sync does not converge');
        const killAt = options.killAt?.() ?? null;
        w.power.killAt = killAt === null ? null : w.power.calls + killAt;
        try {
          result.outcomes.push(await runSyncSlice(message, w.syncDeps, budgetOf(w, options.sliceMs)));
          break;
        } catch {
          result.kills += 1;
          w.power.revive();
        } finally {
          w.power.killAt = null;
        }
      }
    }
  }
  return result;
};

const sortedGroups = (u: User): User => ({ ...u, groups: [...u.groups].sort((a, b) => a.id.localeCompare(b.id)) });

/** What the app's tables hold, in a comparable shape. */
export const dbState = (w: World) => ({
  users: [...w.tables.users.keys()]
    .filter((id) => w.tables.users.get(id)?.left === null)
    .sort()
    .map((id) => w.tables.readUser(id)),
  left: [...w.tables.users.values()].filter((r) => r.left !== null).map((r) => r.user.accountId).sort(),
  groups: [...w.tables.groups.values()].map((g) => g.group).sort((a, b) => a.id.localeCompare(b.id)),
  products: [...w.tables.products.values()].map((p) => p.product).sort((a, b) => a.key.localeCompare(b.key)),
  roleMembers: [...w.tables.roleMembers.keys()].sort(),
  customers: [...w.tables.customers.keys()].sort(),
});

/** What the tables must hold after a complete sync of the fake directory (activity filled by the fallback). */
export const directoryState = (w: World, formerUsers: readonly string[] = []) => ({
  users: [...w.directory.users]
    .sort((a, b) => a.accountId.localeCompare(b.accountId))
    .map((u) => ({ ...sortedGroups(u), directory: { id: w.directory.directoryOf(u.accountId), name: w.directory.directoryOf(u.accountId) } })),
  left: formerUsers.filter((id) => !w.directory.users.some((u) => u.accountId === id)).sort(),
  // The fake directory lists every group in its first directory (named as its id), and the sync stores that.
  groups: [...w.directory.groups]
    .sort((a: Group, b: Group) => a.id.localeCompare(b.id))
    .map((g) => ({ ...g, directory: { id: w.directory.directories[0] ?? '', name: w.directory.directories[0] ?? '' } })),
  products: [...w.directory.products].sort((a, b) => a.key.localeCompare(b.key)),
  roleMembers: [...new Set(w.site.roleMembers.map(roleKey))].sort(),
  customers: [...new Set(w.site.customers.flatMap(customerKeys))].sort(),
});
