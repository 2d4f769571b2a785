import { holdsSeat } from './access';
import { passTime } from './timePassing';
import { directoryEntry, groupEntry, type DirectoryEntry, type GroupEntry } from './views/entries';
import type { SimApiKey, SimDirectory, SimEvent, SimGroup, SimOrg, SimUser, SimWorkspace } from './model';

export type { DirectoryEntry, GroupEntry } from './views/entries';

export { statusOf } from './access';

/** The simulated organization plus lookups; the single source of truth for every endpoint. */
export class SimulatorState {
  private readonly usersById = new Map<string, SimUser>();
  private readonly groupsById = new Map<string, SimGroup>();
  private readonly nicknameOrders = new Map<'asc' | 'desc', Int32Array>();
  private seatCounts: number[] | undefined;
  private eventSeq = 0;

  /** @param org the generated organization (mutated by writes). @param keys API keys the server accepts. */
  constructor(readonly org: SimOrg, readonly keys: SimApiKey[]) {
    for (const u of org.users) this.usersById.set(u.accountId, u);
    for (const g of org.groups) this.groupsById.set(g.id, g);
  }

  /** A directory member by account id. */
  user(accountId: string): SimUser | undefined {
    return this.usersById.get(accountId);
  }

  /** A group by its bare id or its ARI (`ari:cloud:identity::group/<id>`). */
  group(id: string): SimGroup | undefined {
    return this.groupsById.get(id.replace(/^ari:cloud:identity::group\//, ''));
  }

  /** A directory by id; `-` means every directory and yields null. undefined = unknown directory. */
  directory(id: string): SimDirectory | null | undefined {
    if (id === '-') return null;
    return this.org.directories.find((d) => d.id === id);
  }

  /** A workspace by resource ARI. */
  workspace(id: string): SimWorkspace | undefined {
    return this.org.workspaces.find((w) => w.id === id);
  }

  /** Last activity of a user on a workspace in epoch ms, or null for never. */
  lastActive(user: SimUser, workspace: number): number | null {
    const v = this.org.lastActive[user.index * this.org.workspaces.length + workspace];
    return v === undefined || Number.isNaN(v) ? null : v;
  }

  /** Lets `ms` pass: regulars keep their activity current, everyone else becomes `ms` more inactive (timePassing.ts). */
  passTime(ms: number): void {
    passTime(this.org, ms);
  }

  /** Seats in use on a workspace (active, unsuspended users with a billable role); kept up to date by `mutate`. */
  seats(workspace: number): number {
    if (!this.seatCounts) {
      const counts = new Array<number>(this.org.workspaces.length).fill(0);
      for (const u of this.org.users) {
        for (let w = 0; w < counts.length; w++) if (holdsSeat(this.org, u, w)) counts[w] = (counts[w] ?? 0) + 1;
      }
      this.seatCounts = counts;
    }
    return this.seatCounts[workspace] ?? 0;
  }

  /** Applies a change to one user (and its groups), keeping seat counts right. */
  mutate(user: SimUser, change: () => void): void {
    const workspaces = this.org.workspaces.map((w) => w.index);
    const before = workspaces.map((w) => holdsSeat(this.org, user, w));
    change();
    if (!this.seatCounts) return;
    for (const w of workspaces) {
      const after = holdsSeat(this.org, user, w);
      if (after !== before[w]) this.seatCounts[w] = (this.seatCounts[w] ?? 0) + (after ? 1 : -1);
    }
  }

  /** Appends an audit event (processed now) for events-stream. */
  record(time: number, action: string, actorId: string, context: SimEvent['context']): void {
    this.eventSeq += 1;
    this.org.events.push({ id: `sim-event-${String(this.eventSeq)}-${String(time)}`, time, action, actorId, context });
  }

  /** User indices sorted by nickname (then account id), cached: nicknames never change. */
  nicknameOrder(direction: 'asc' | 'desc'): Int32Array {
    let order = this.nicknameOrders.get(direction);
    if (!order) {
      const users = this.org.users;
      const sign = direction === 'asc' ? 1 : -1;
      order = Int32Array.from(users.keys()).sort((a, b) => {
        const ua = users[a], ub = users[b];
        if (!ua || !ub) return 0;
        return sign * (ua.nickname.localeCompare(ub.nickname) || ua.accountId.localeCompare(ub.accountId));
      });
      this.nicknameOrders.set(direction, order);
    }
    return order;
  }

  /** Every directory member in a comparable form (the "truth" for sync tests). */
  directoryEntries(): DirectoryEntry[] {
    return this.org.users.map((u) => directoryEntry(this, u));
  }

  /** One member in comparable form. */
  entry(u: SimUser): DirectoryEntry {
    return directoryEntry(this, u);
  }

  /** Every group in comparable form: members as account ids, grants as (resource ARI, role). */
  groupEntries(): GroupEntry[] {
    return this.org.groups.map((g) => groupEntry(this, g));
  }
}
