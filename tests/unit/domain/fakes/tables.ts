import type { Group } from '../../../../src/domain/model/group';
import type { Product } from '../../../../src/domain/model/product';
import type { User } from '../../../../src/domain/model/user';
import { KillSwitch } from './killSwitch';

export interface UserRow { user: User; seen: number; left: number | null }
export interface MemberRow { name: string; seen: number }

export const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);

/**
 * The app's tables as the SQL adapter keeps them: users, memberships (stamped per row), groups, products, site
 * rows. The repositories built on one `Tables` see each other's writes, as they do in the database.
 */
export class Tables {
  users = new Map<string, UserRow>();
  /** Membership rows by account, then group. */
  members = new Map<string, Map<string, MemberRow>>();
  groups = new Map<string, { group: Group; seen: number }>();
  products = new Map<string, { product: Product; seen: number }>();
  roleMembers = new Map<string, number>();
  customers = new Map<string, number>();
  statements = 0;

  constructor(readonly power: KillSwitch = new KillSwitch()) {}

  /** Every repository call: one SQL request, and a point where the consumer may be killed. */
  op(): void {
    this.power.tick();
    this.statements += 1;
  }

  writeUser(user: User, generation: number): void {
    this.users.set(user.accountId, { user: structuredClone(user), seen: generation, left: null });
    this.members.set(user.accountId, new Map(user.groups.map((g) => [g.id, { name: g.name, seen: generation }])));
  }

  readUser(accountId: string): User | null {
    const row = this.users.get(accountId);
    if (row === undefined) return null;
    const groups = [...(this.members.get(accountId) ?? new Map<string, MemberRow>())]
      .map(([id, m]) => ({ id, name: m.name }))
      .sort(byId);
    return structuredClone({ ...row.user, groups });
  }
}
