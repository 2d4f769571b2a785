import { startDueTasks } from '../../../../../src/domain/usecases/tasks/run/startDueTasks';
import { Power, runDying, wrapped } from './crashSupport';
import { addTask, jiraUser, runDeps, runNow, setSyncRunning, type RunDeps } from './runSupport';

const SLOT = new Date('2025-06-15T05:00:00Z');

/** One tick whose process dies at call `dieAt` (0: it does not). */
const tickDying = async (deps: RunDeps, dieAt: number, landed: boolean): Promise<number> => {
  const power = new Power(dieAt, landed);
  await startDueTasks(wrapped(deps, power))
    .startDue(deps.clock.now())
    .catch(() => 0);
  return power.calls;
};

const slotRuns = (deps: RunDeps) => deps.tasks.history('t1').filter((r) => r.slotAt?.getTime() === SLOT.getTime());

/**
 * The 05:00 slot comes due while a sync runs through its hour; the 06:05 tick that skips it may die. The sync goes
 * on for two more ticks (the runner heals meanwhile), then ends; the ticks after it and their slices run cleanly.
 */
const skippedSlot = async (dieAt: number, landed: boolean) => {
  const deps = runDeps([jiraUser('u1', 60)]);
  addTask(deps);
  setSyncRunning(deps, true);
  deps.clock.set(new Date('2025-06-15T06:05:00Z'));
  const calls = await tickDying(deps, dieAt, landed);
  for (let hour = 0; hour < 5; hour += 1) {
    if (hour === 2) setSyncRunning(deps, false);
    if (hour < 2) expect(slotRuns(deps).map((r) => r.status)).not.toContain('running');
    deps.clock.advance(60 * 60 * 1000);
    await startDueTasks(deps).startDue(deps.clock.now());
    await runDying(deps, 0, false);
    if (hour < 2) expect(deps.directory.calls).toEqual([]);
  }
  return { deps, calls };
};

/**
 * The slot was skipped — never planned, audited and announced as skipped — or, when the tick died before recording
 * it, started once the sync had ended (as when a sync ends between two ticks).
 */
const expectSkippedOnce = (deps: RunDeps): void => {
  const slot = slotRuns(deps);
  expect(slot).toHaveLength(1);
  const [run] = slot;
  const id = run?.id ?? '';
  const outcome = run?.status === 'skipped' ? 'skipped' : 'succeeded';
  if (run?.status === 'skipped') {
    expect(run.reason).toBe('sync-overlap');
    expect(deps.directory.calls).toEqual([]);
  } else {
    expect(run?.status).toBe('succeeded');
    expect(deps.directory.calls).toEqual(['disable u1']);
  }
  expect(deps.audit.list.filter((e) => e.id === `task-run:${id}`).map((e) => e.outcome)).toEqual([outcome]);
  // The notifier is keyed by the run: the same event handed over again queues nothing new.
  const triggers = new Set(deps.notifier.sent.filter((e) => e.key === `task-run:${id}`).map((e) => e.trigger));
  expect(triggers).toEqual(new Set([outcome === 'skipped' ? 'task-failed' : 'task-succeeded']));
};

describe('a tick that skips a slot for a sync survives dying at any call', () => {
  it('the slot is never running during the sync, never acted on during it, and ends audited and announced once', async () => {
    const clean = await skippedSlot(0, false);
    expectSkippedOnce(clean.deps);
    expect(slotRuns(clean.deps)[0]?.status).toBe('skipped');
    expect(clean.calls).toBeGreaterThan(5);
    for (let dieAt = 1; dieAt <= clean.calls; dieAt += 1) {
      for (const landed of [false, true]) {
        const { deps } = await skippedSlot(dieAt, landed);
        expectSkippedOnce(deps);
      }
    }
  }, 60_000);
});

describe('a tick that expires a proposal survives dying at any call', () => {
  const expiring = async (dieAt: number, landed: boolean) => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps, { action: { type: 'propose', change: { type: 'deactivate' } } });
    await runNow(deps);
    const [proposal] = await deps.proposals.list('pending', 10);
    deps.clock.advance(7 * 24 * 60 * 60 * 1000);
    const calls = await tickDying(deps, dieAt, landed);
    deps.clock.advance(60 * 60 * 1000);
    await startDueTasks(deps).startDue(deps.clock.now());
    return { deps, proposalId: proposal?.id ?? '', calls };
  };

  it('the proposal ends expired with its audit entry, never one without the other', async () => {
    const clean = await expiring(0, false);
    expect(clean.calls).toBeGreaterThan(2);
    for (let dieAt = 0; dieAt <= clean.calls; dieAt += 1) {
      for (const landed of [false, true]) {
        const { deps, proposalId } = await expiring(dieAt, landed);
        expect((await deps.proposals.get(proposalId))?.status).toBe('expired');
        expect(deps.audit.list.filter((e) => e.details.proposalId === proposalId).map((e) => [e.details.event, e.actor])).toEqual([['proposal-expired', { kind: 'system' }]]);
      }
    }
  }, 60_000);
});
