/**
 * The order `SqlUserRepository.upsertMany` sends its statements in (userUpsertLanes.ts, runUserUpsert): one lane per
 * table, never two statements on one table at once, a part's users rows only after its access and membership
 * rows, the users rows of one part beside the child rows of the next; and after an error, nothing more.
 */
import type { Statement } from '../../../src/adapters/forge-sql/sql/sqlValues';
import { accountHash } from '../../../src/adapters/forge-sql/users/accountHash';
import { runUserUpsert } from '../../../src/adapters/forge-sql/users/userUpsertLanes';
import { userUpsertPlan, type UserUpsertPart, type UserUpsertPlan } from '../../../src/adapters/forge-sql/users/userWrites';
import { groups, seedUsers } from '../../integration/forge-sql/support/seedDirectory';

interface Sent {
  table: string;
  kind: 'INSERT' | 'DELETE' | 'SELECT';
  part: number;
  start: number;
  end: number;
}

/** The table a statement writes (or reads). */
const tableOf = (s: Statement): string => /(?:INTO|FROM)\s+(\w+)/.exec(s.query)?.[1] ?? '?';

/**
 * Which part a statement belongs to: the part whose users it names, by account id (a parameter) or by account hash
 * (the word table's key: a parameter of its deletes, written into the text of its inserts).
 */
const partOfStatement = (partIds: string[][], s: Statement): number =>
  partIds.findIndex((ids) =>
    ids.some((id) => s.params.includes(id) || s.params.includes(accountHash(id)) || s.query.includes(`(${String(accountHash(id))},`)),
  );

/**
 * A sender whose every statement takes a few event-loop turns (a fake clock counts them), recording when each
 * started and ended; `failOn` makes one statement fail.
 */
const recordingSender = (partIds: string[][], failOn?: (s: Sent) => boolean) => {
  let clock = 0;
  const sent: Sent[] = [];
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const run = async (statements: readonly Statement[]): Promise<void> => {
    for (const s of statements) {
      const entry: Sent = {
        table: tableOf(s),
        kind: s.query.slice(0, 6) as Sent['kind'],
        part: partOfStatement(partIds, s),
        start: clock++,
        end: Number.NaN,
      };
      sent.push(entry);
      for (let i = 0; i < 3; i++) await turn();
      entry.end = clock++;
      if (failOn?.(entry) === true) throw new Error(`refused ${entry.table} part ${String(entry.part)}`);
    }
  };
  return { sent, now: () => clock, sender: { run, registerGroups: (p: UserUpsertPlan) => run(p.groupRegistration) } };
};

const planFor = (users: number, partUsers: number, staleRows: 'now' | 'at-mark-left' = 'now') => {
  const batch = seedUsers(users, groups(12), 5);
  const plan = userUpsertPlan(batch, 3, 77, { partUsers, staleRows });
  const sorted = [...batch.map((u) => u.accountId)].sort();
  const partIds = Array.from({ length: plan.partCount }, (_, k) => sorted.slice(k * partUsers, (k + 1) * partUsers));
  return { plan, partIds };
};

const partsOf = (plan: UserUpsertPlan): UserUpsertPart[] => Array.from({ length: plan.partCount }, (_, k) => plan.part(k));

const overlaps = (a: Sent, b: Sent): boolean => a.start < b.end && b.start < a.end;

describe('runUserUpsert: the lanes of one upsertMany', () => {
  it('splits the batch into parts of consecutive account ids', () => {
    const { plan, partIds } = planFor(25, 10);
    expect(plan.partCount).toBe(3);
    expect(partIds.map((ids) => ids.length)).toEqual([10, 10, 5]);
    // Each part's users statement names exactly that part's users, in key order.
    partsOf(plan).forEach((part, k) => {
      const ids = part.users.flatMap((s) => s.params.filter((p) => typeof p === 'string' && partIds[k]?.includes(p)));
      expect(ids).toEqual(partIds[k]);
    });
  });

  it('never runs two statements on one table at once, and writes a part’s users only after its access, memberships and words', async () => {
    const { plan, partIds } = planFor(40, 10);
    const { sent, sender } = recordingSender(partIds);
    await runUserUpsert(plan, sender);
    for (const a of sent) for (const b of sent) if (a !== b && a.table === b.table) expect(overlaps(a, b)).toBe(false);
    const users = sent.filter((s) => s.table === 'users');
    expect(users.map((s) => s.part)).toEqual([0, 1, 2, 3]);
    for (const u of users) {
      const children = sent.filter((s) => s.part === u.part && s.table !== 'users');
      expect(children.map((c) => `${c.table} ${c.kind}`).sort()).toEqual([
        'group_members DELETE', 'group_members INSERT', 'user_product_access DELETE', 'user_product_access INSERT',
        'user_search_words DELETE', 'user_search_words INSERT',
      ]);
      for (const c of children) expect(c.end).toBeLessThan(u.start);
    }
    // The point of the lanes: the users rows of part k go in while the child rows of part k+1 do.
    const beside = users.filter((u) => sent.some((s) => s.part === u.part + 1 && s.table !== 'users' && overlaps(s, u)));
    expect(beside.length).toBeGreaterThan(0);
    // Products and groups are registered before any access or membership row names them.
    const first = (table: string): number => Math.min(...sent.filter((s) => s.table === table).map((s) => s.start));
    const registered = (table: string): number => Math.max(...sent.filter((s) => s.table === table).map((s) => s.end));
    expect(registered('products')).toBeLessThan(first('user_product_access'));
    expect(registered('directory_groups')).toBeLessThan(first('group_members'));
  });

  it('after a failed statement sends nothing more, writes no later part’s users and throws that error', async () => {
    const { plan, partIds } = planFor(40, 10);
    const { sent, sender } = recordingSender(partIds, (s) => s.table === 'group_members' && s.kind === 'INSERT' && s.part === 1);
    await expect(runUserUpsert(plan, sender)).rejects.toThrow('refused group_members part 1');
    const failedAt = sent.find((s) => s.table === 'group_members' && s.part === 1)?.end ?? Number.NaN;
    expect(sent.filter((s) => s.start > failedAt)).toEqual([]);
    expect(sent.filter((s) => s.table === 'users').map((s) => s.part)).toEqual([0]);
    // Every statement that started also finished before runUserUpsert settled: no lane is left running.
    expect(sent.every((s) => Number.isFinite(s.end))).toBe(true);
  });
  it('leaves stale rows to the end-of-walk sweep when asked: no part deletes anything', async () => {
    const { plan, partIds } = planFor(25, 10, 'at-mark-left');
    const { sent, sender } = recordingSender(partIds);
    await runUserUpsert(plan, sender);
    expect(sent.filter((s) => s.kind === 'DELETE')).toEqual([]);
    expect(sent.filter((s) => s.table === 'users').map((s) => s.part)).toEqual([0, 1, 2]);
  });

  it('builds part k+1 only once part k is on its way, while it is being written', async () => {
    const { plan, partIds } = planFor(40, 10);
    const { sent, now, sender } = recordingSender(partIds);
    const builtAt: number[] = [];
    const watched: UserUpsertPlan = {
      ...plan,
      part: (k) => {
        builtAt[k] = now();
        return plan.part(k);
      },
    };
    await runUserUpsert(watched, sender);
    expect(builtAt).toHaveLength(4);
    // Not all built at once: statements started or ended between the first build and the last.
    expect(builtAt[3]).toBeGreaterThan(builtAt[0] ?? Number.NaN);
    for (let k = 1; k < 4; k++) {
      // Part k is built before part k-1 has finished: no lane waits for a build.
      const previous = sent.filter((s) => s.part === k - 1);
      expect(builtAt[k]).toBeLessThan(Math.max(...previous.map((s) => s.end)));
    }
  });

  it('stops when a part cannot be built: that error is thrown and nothing of that part or later is sent', async () => {
    const { plan, partIds } = planFor(40, 10);
    const { sent, sender } = recordingSender(partIds);
    const failing: UserUpsertPlan = {
      ...plan,
      part: (k) => {
        if (k === 2) throw new Error('part 2 cannot be built');
        return plan.part(k);
      },
    };
    await expect(runUserUpsert(failing, sender)).rejects.toThrow('part 2 cannot be built');
    expect(sent.filter((s) => s.part >= 2)).toEqual([]);
    expect(sent.every((s) => Number.isFinite(s.end))).toBe(true);
  });
});
