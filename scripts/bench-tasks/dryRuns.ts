import { SqlGroupRepository } from '../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { SqlTaskCandidates } from '../../src/adapters/forge-sql/tasks/sqlTaskCandidates';
import { SqlTaskNoticeRepository } from '../../src/adapters/forge-sql/tasks/sqlTaskNoticeRepository';
import { KvsSettingsStore } from '../../src/adapters/kvs/kvsSettingsStore';
import { systemClock } from '../../src/composition';
import type { ProductTarget, TaskDefinition } from '../../src/domain/model/task';
import { evaluateTask, type EvaluateTaskDeps } from '../../src/domain/usecases/tasks/evaluateTask';
import { measure, print, printTiming, type Timing } from '../bench-sql/stats';

/**
 * A task of the bench, daily at 05:00, no notice, the largest safety cap (the dry run is what is timed): a seat cap
 * revokes its product, every other rule deactivates.
 */
export const benchTask = (name: string, rule: TaskDefinition['rule']): TaskDefinition & { id: string } => ({
  id: `bench-${name.replace(/\W+/g, '-')}`,
  name,
  enabled: true,
  rule,
  filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed', 'external'], billableOnly: false },
  action: rule.kind === 'seat-cap' ? { type: 'revoke', products: [rule.product] } : { type: 'deactivate' },
  schedule: { days: 'daily', hour: 5 },
  noticeDays: 0,
  safetyCap: 10_000,
});

/** What the dry run reads in production: the synced copy through Forge SQL, settings from KVS. */
export const evaluateDeps = (): EvaluateTaskDeps => ({
  candidates: new SqlTaskCandidates(),
  notices: new SqlTaskNoticeRepository(),
  settings: new KvsSettingsStore(),
  groups: new SqlGroupRepository(),
  clock: systemClock,
});

/**
 * T2 at scale: the plan of a task over the whole synced copy (`evaluateTask`: the rule's candidates read from SQL,
 * the notices, the settings, then planTask), for each rule kind; each timed `runs` times after a warm-up. A dry run
 * that fails (e.g. a read over Forge SQL's 5 s) is reported and counted, not timed.
 */
/** A product to keep at or under some seats. */
export interface SeatCap {
  product: ProductTarget;
  maxSeats: number;
}

export const timeDryRuns = async (seatCaps: readonly SeatCap[], runs: number): Promise<{ timings: Timing[]; failed: number }> => {
  const deps = evaluateDeps();
  const tasks = [
    benchTask('inactive 90 days, all products', { kind: 'inactive', minInactiveDays: 90, products: 'all' }),
    benchTask('inactive 30 days in Jira', { kind: 'inactive', minInactiveDays: 30, products: ['jira-software'] }),
    benchTask('overdue, all products', { kind: 'state', state: 'overdue', products: 'all' }),
    benchTask('never active, added 30+ days ago', { kind: 'never-active', addedMoreThanDays: 30, products: 'all' }),
    ...seatCaps.map((cap) => benchTask(`seat cap: ${cap.product.productKey} at ${String(cap.maxSeats)} seats`, { kind: 'seat-cap', ...cap })),
  ];
  const timings: Timing[] = [];
  for (const task of tasks) {
    let rows = 0;
    const timing = await measure(`dry run: ${task.name}`, async () => { rows = (await evaluateTask(task, deps)).items.length; }, runs, 1).catch((error: unknown) => {
      print(`  dry run: ${task.name}: FAILED — ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (timing === null) continue;
    printTiming({ ...timing, items: rows });
    timings.push(timing);
  }
  return { timings, failed: tasks.length - timings.length };
};
