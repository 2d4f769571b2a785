import { addTarget } from '../../../../../src/domain/usecases/webhooks/manageTargets';
import { webhookNotifier } from '../../../../../src/domain/usecases/webhooks/queueDeliveries';
import { SECRET, URL_A, webhookWorld } from '../../webhooks/webhookWorld';
import { runTaskSlice } from '../../../../../src/domain/usecases/tasks/run/runTaskSlice';
import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { access } from '../../fixtures';
import { plenty } from '../../usecases/bulkSupport';
import { addTask, admin, jiraUser, runDeps, runNow, system, type RunDeps } from './runSupport';

const DAY = 24 * 60 * 60 * 1000;

const announced = (deps: RunDeps): string[][] =>
  deps.notifier.sent.flatMap((e) => (e.trigger === 'users-to-be-changed' ? [e.users.map((u) => u.accountId)] : []));

const becomeActive = (deps: RunDeps, accountId: string, where: 'live' | 'both'): void => {
  const now = deps.clock.now();
  const live = deps.directory.live.get(accountId);
  if (live) live.productAccess = [access('jira-software', now)];
  const synced = deps.users.rows.get(accountId);
  if (where === 'both' && synced) deps.users.rows.set(accountId, { ...synced, productAccess: [access('jira-software', now)] });
};

describe('the notice period through runs (T5)', () => {
  it('announces first, changes nobody until the notice has passed, then changes those still matching', async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60)]);
    addTask(deps, { noticeDays: 1 });
    const first = await runNow(deps);
    expect(first).toMatchObject({ status: 'succeeded', jobId: null, counts: { matched: 2, changed: 0, announced: 2 } });
    expect(announced(deps)).toEqual([['u1', 'u2']]);
    const notice = deps.notifier.sent[0];
    expect(notice?.trigger === 'users-to-be-changed' ? notice.actionDate : null).toEqual(new Date('2025-06-16T05:00:00Z'));
    expect(deps.notices.rows.map((n) => [n.accountId, n.announcedAt])).toEqual([
      ['u1', deps.clock.now()],
      ['u2', deps.clock.now()],
    ]);
    const sameDay = await runNow(deps);
    expect(sameDay.counts).toMatchObject({ changed: 0, announced: 0 });
    expect(announced(deps)).toHaveLength(1);
    deps.clock.advance(DAY);
    const after = await runNow(deps);
    expect(after).toMatchObject({ status: 'succeeded', counts: { changed: 2 } });
    expect(deps.directory.calls).toEqual(['disable u1', 'disable u2']);
    expect(deps.notices.rows).toEqual([]);
  });

  it('spares a user who became active during the notice and clears their notice, seen in the synced copy or only live', async () => {
    const deps = runDeps([jiraUser('stays', 60), jiraUser('synced-back', 60), jiraUser('live-back', 60)]);
    addTask(deps, { noticeDays: 2 });
    await runNow(deps);
    deps.clock.advance(2 * DAY);
    becomeActive(deps, 'synced-back', 'both');
    becomeActive(deps, 'live-back', 'live');
    const run = await runNow(deps);
    expect(deps.directory.calls).toEqual(['disable stays']);
    expect(run.counts).toMatchObject({ changed: 1, failed: 0 });
    expect(deps.notices.rows).toEqual([]);
    const results = run.jobId === null ? [] : (await deps.jobs.results(run.jobId, 10, null)).items;
    expect(results.map((r) => [r.accountId, r.outcome, r.reason])).toEqual([
      ['live-back', 'skipped', 'not-inactive-enough'],
      ['stays', 'succeeded', null],
    ]);
  });

  it('keeps the notice of a user whose change failed, so the next run tries again without a new notice', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps, { noticeDays: 1 });
    await runNow(deps);
    deps.clock.advance(DAY);
    deps.directory.failWith.set('u1', new Error('boom'));
    expect((await runNow(deps)).status).toBe('failed');
    expect(deps.notices.rows.map((n) => n.accountId)).toEqual(['u1']);
    deps.directory.failWith.clear();
    expect((await runNow(deps)).counts.changed).toBe(1);
    expect(announced(deps)).toHaveLength(1);
  });

  it('does not store notices it could not queue: the run fails and nobody counts as announced', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps, { noticeDays: 1 });
    deps.notifier.failNext = 1;
    const run = await runNow(deps);
    expect(run).toMatchObject({ status: 'failed', reason: 'notice-not-sent' });
    expect(deps.notices.rows).toEqual([]);
  });
});

describe('a storage error while announcing (T5)', () => {
  it('is not a notice that was not sent: the slice fails, its re-delivery announces and stores everyone', async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60)]);
    addTask(deps, { noticeDays: 1 });
    const add = deps.notices.add.bind(deps.notices);
    deps.notices.add = () => Promise.reject(new Error('storage unavailable'));
    const run = await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: system }, deps);
    const first = deps.queue.takeNext();
    if (first?.message.kind !== 'task-run') throw new Error('no slice');
    await expect(runTaskSlice(first.message, plenty, deps)).rejects.toThrow('storage unavailable');
    expect((await deps.tasks.getRun(run.id))?.status).toBe('running');
    deps.notices.add = add;
    await runTaskSlice(first.message, plenty, deps);
    expect(await deps.tasks.getRun(run.id)).toMatchObject({ status: 'succeeded', reason: null, counts: { announced: 2 } });
    expect(deps.notices.rows.map((n) => n.accountId).sort()).toEqual(['u1', 'u2']);
  });
});

describe('the safety cap (T7)', () => {
  it('a run that would change more users than the cap changes nothing, fails with the reason and fires task-failed', async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60), jiraUser('u3', 60)]);
    addTask(deps, { safetyCap: 2 });
    const run = await runNow(deps);
    expect(run).toMatchObject({ status: 'failed', reason: 'safety-cap-exceeded', jobId: null, counts: { matched: 3, changed: 0 } });
    expect(deps.directory.calls).toEqual([]);
    expect(deps.notifier.sent.map((e) => [e.trigger, 'run' in e ? e.run.failureCode : null])).toEqual([['task-failed', 'safety-cap-exceeded']]);
    expect(deps.audit.list.find((e) => e.id === `task-run:${run.id}`)).toMatchObject({ outcome: 'failed', reason: 'safety-cap-exceeded' });
  });

  it('counts announcements against the cap too: nobody is announced', async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60), jiraUser('u3', 60)]);
    addTask(deps, { safetyCap: 2, noticeDays: 3 });
    expect((await runNow(deps)).reason).toBe('safety-cap-exceeded');
    expect(announced(deps)).toEqual([]);
    expect(deps.notices.rows).toEqual([]);
  });
});

describe('webhooks never decide a run (issue 18)', () => {
  it('a task outcome delivered while its webhook target fails does not change the task outcome', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    deps.notifier.failNext = 1;
    const run = await runNow(deps);
    expect(run).toMatchObject({ status: 'succeeded', counts: { changed: 1 } });
    expect(deps.notifier.sent).toEqual([]);
  });

  it('a task-succeeded webhook whose target keeps failing is retried and given up, and the run stays succeeded', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    const world = webhookWorld();
    world.deps.sender.fallback = { kind: 'answered', status: 503, retryAfterSeconds: null };
    await addTarget({ trigger: 'task-succeeded', url: URL_A, secret: SECRET, appUrl: null }, admin, world.deps);
    // The run announces its outcome through the real webhook notifier: deliveries queued, then sent by their own jobs.
    Object.assign(deps.notifier, { notify: webhookNotifier(world.deps).notify });
    const run = await runNow(deps);
    const outcomes = await world.drain();
    expect([...world.deps.deliveries.rows.values()].map((d) => [d.trigger, d.status])).toEqual([['task-succeeded', 'failed']]);
    expect(outcomes.at(-1)).toMatchObject({ kind: 'failed' });
    expect(world.deps.sender.sent.length).toBeGreaterThan(1);
    expect(await deps.tasks.getRun(run.id)).toMatchObject({ status: 'succeeded', reason: null, counts: { changed: 1 } });
    expect(deps.directory.live.get('u1')).toMatchObject({ accountStatus: 'inactive' });
  });
});
