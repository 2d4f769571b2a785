/**
 * `node scripts/run-bench.mjs candidates` — SqlTaskCandidates.forRule against the local Forge runtime's MariaDB at
 * 100,000 users (bench:sql's seeded organization: ≈3 products each, 500 groups, 20% inactive), per rule kind: the
 * read alone, and the read with planTask over it (the dry run but its settings, notices and groups reads). Ends with
 * one JSON line of the worst p95 of each. BENCH_USERS scales it down; BENCH_RUNS sets the timed runs per rule; BENCH_RULE keeps the rules whose name holds it.
 */
import { startForgeRuntime } from '../../tests/support/forgeRuntime';
import type { TaskRule } from '../../src/domain/model/task';
import { ProtectedEmails } from '../../src/domain/policy/protectedEmails';
import { planTask } from '../../src/domain/usecases/tasks/planTask';
import { seatCapUsers } from '../../src/domain/usecases/tasks/seatCapUsers';
import type { User } from '../../src/domain/model/user';
import { SqlGroupRepository } from '../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { SqlProductRepository } from '../../src/adapters/forge-sql/products/sqlProductRepository';
import { ensureSchema } from '../../src/adapters/forge-sql/schema/migrations';
import { SqlTaskCandidates } from '../../src/adapters/forge-sql/tasks/sqlTaskCandidates';
import { SqlUserRepository } from '../../src/adapters/forge-sql/users/sqlUserRepository';
import { BENCH_NOW, benchGroups, benchProducts, benchUsers } from '../bench-sql/seedBench';
import { measure, print, printTiming, type Timing } from '../bench-sql/stats';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BATCH = 10_000;
const thresholds = { warningDays: 90, overdueDays: 180 };
const site = benchProducts[0]?.resourceId ?? '';

const rules: [string, TaskRule][] = [
  ['inactive ≥ 90 days, overall', { kind: 'inactive', minInactiveDays: 90, products: 'all' }],
  ['overdue, overall', { kind: 'state', state: 'overdue', products: 'all' }],
  ['inactive ≥ 180 days in Jira', { kind: 'inactive', minInactiveDays: 180, products: ['jira-software'] }],
  ['warning in Confluence or Loom', { kind: 'state', state: 'warning', products: ['confluence', 'loom'] }],
  ['never active for 30 days, overall', { kind: 'never-active', addedMoreThanDays: 30, products: 'all' }],
  ['seat cap of JSM (2,000 seats)', { kind: 'seat-cap', product: { productKey: 'jira-servicedesk', resourceId: site }, maxSeats: 2_000 }],
  ['seat cap of Jira (90,000 seats)', { kind: 'seat-cap', product: { productKey: 'jira-software', resourceId: site }, maxSeats: 90_000 }],
];

const seed = async (): Promise<void> => {
  const groups = benchGroups(500);
  await new SqlGroupRepository().upsertMany(groups, 1);
  await new SqlProductRepository().upsertMany(benchProducts, 1);
  const users = new SqlUserRepository();
  for (let from = 0; from < USERS; from += BATCH) await users.upsertMany(benchUsers(from, Math.min(BATCH, USERS - from), groups), 1, { staleRows: 'at-mark-left' });
  await users.markLeftBefore(1);
};

export const runBench = async (): Promise<void> => {
  const rt = await startForgeRuntime();
  try {
    await ensureSchema();
    print(`bench:candidates — ${USERS.toLocaleString('en')} users, ${String(RUNS)} timed runs per rule`);
    await seed();
    const candidates = new SqlTaskCandidates();
    const context = { protectedEmails: ProtectedEmails.from(['@partner.example']), groupsById: new Map(), thresholds, now: BENCH_NOW, site: { timeZone: 'UTC', syncHour: 3 } };
    const reads: Timing[] = [];
    const plans: Timing[] = [];
    for (const [name, rule] of rules.filter(([n]) => n.includes(process.env.BENCH_RULE ?? ''))) {
      const task = {
        rule,
        action: { type: 'deactivate' as const },
        filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed' as const, 'external' as const], billableOnly: false },
        schedule: { days: 'daily' as const, hour: 5 },
        noticeDays: 0,
        safetyCap: 100,
      };
      // A seat cap reads its holders from the index, then users from the longest-inactive on until the cap is settled.
      const read = async (): Promise<{ users: User[]; seats?: number }> =>
        rule.kind === 'seat-cap'
          ? seatCapUsers(task, rule.product, rule.maxSeats, candidates, context)
          : { users: await candidates.forRule(rule, { now: BENCH_NOW, thresholds }) };
      print(`${name}: ${(await read()).users.length.toLocaleString('en')} users read`);
      reads.push(await measure('  read', read, RUNS, 2));
      printTiming(reads.at(-1) as Timing);
      plans.push(await measure('  read + planTask', async () => {
        const found = await read();
        return planTask(task, found.users, [], context, found.seats);
      }, RUNS, 1));
      printTiming(plans.at(-1) as Timing);
    }
    const worst = (timings: readonly Timing[]): number => Math.max(...timings.map((t) => t.p95Ms));
    print(JSON.stringify({ users: USERS, for_rule_p95_ms: worst(reads), for_rule_and_plan_p95_ms: worst(plans) }));
  } finally {
    await rt.stop();
  }
};
