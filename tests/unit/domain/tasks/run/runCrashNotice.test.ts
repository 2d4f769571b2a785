import type { WebhookEvent } from '../../../../../src/domain/model/webhooks';
import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { access, daysAgo } from '../../fixtures';
import { runDying } from './crashSupport';
import { addTask, jiraUser, runDeps, system, type RunDeps } from './runSupport';

/**
 * What the automation receivers get: the notifier queues an event once per key (a key queued again keeps its first
 * body), so only the first event of each key counts.
 */
const delivered = (deps: RunDeps): WebhookEvent[] => {
  const seen = new Map<string, WebhookEvent>();
  for (const e of deps.notifier.sent) if (!seen.has(e.key)) seen.set(e.key, e);
  return [...seen.values()];
};

const announcedIn = (deps: RunDeps): Set<string> =>
  new Set(delivered(deps).flatMap((e) => (e.trigger === 'users-to-be-changed' ? e.users.map((u) => u.accountId) : [])));

/**
 * A task with a day's notice announces u1 and u2 and dies at call `dieAt`; before the slice is delivered again, u3
 * crosses the rule's 30 days (the sync moved its last activity back).
 */
const announcingDying = async (dieAt: number, landed: boolean) => {
  const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60), jiraUser('u3', 20)]);
  addTask(deps, { noticeDays: 1 });
  const run = await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: system }, deps);
  const crossed = () => {
    const u3 = deps.users.rows.get('u3');
    if (u3) deps.users.rows.set('u3', { ...u3, productAccess: [access('jira-software', daysAgo(45))] });
  };
  const calls = await runDying(deps, dieAt, landed, crossed);
  return { deps, runId: run.id, calls };
};

describe('the announcing run survives the process dying at any call (T5)', () => {
  it('nobody is stored as announced without a notice that names them', async () => {
    const clean = await announcingDying(0, false);
    expect([...announcedIn(clean.deps)].sort()).toEqual(['u1', 'u2']);
    expect(clean.calls).toBeGreaterThan(10);
    for (let dieAt = 1; dieAt <= clean.calls; dieAt += 1) {
      for (const landed of [false, true]) {
        const { deps, runId } = await announcingDying(dieAt, landed);
        const announced = announcedIn(deps);
        for (const notice of deps.notices.rows) expect([notice.accountId, announced.has(notice.accountId)]).toEqual([notice.accountId, true]);
        expect(deps.notices.rows.length).toBeGreaterThanOrEqual(2);
        expect(deps.directory.calls).toEqual([]);
        expect((await deps.tasks.getRun(runId))?.status).toBe('succeeded');
      }
    }
  }, 60_000);
});
