import { healStalledJobs } from '../../../../../src/domain/usecases/bulk/healStalledJobs';
import { runTaskSlice } from '../../../../../src/domain/usecases/tasks/run/runTaskSlice';
import { startDueTasks } from '../../../../../src/domain/usecases/tasks/run/startDueTasks';
import { plenty } from '../../usecases/bulkSupport';
import type { RunDeps } from './runSupport';

/** The ports a slice or a tick calls through; each call may be the one the process dies at. */
const PORTS = ['tasks', 'notices', 'proposals', 'jobs', 'audit', 'users', 'directory', 'notifier', 'queue', 'lock', 'activity', 'candidates', 'settings', 'runs'] as const;

/** The process of one slice: counts port calls; at call `dieAt` it dies (before or after the call lands) and every later call fails. */
export class Power {
  calls = 0;
  dead = false;
  constructor(public dieAt: number, public landed: boolean) {}
  async call<T>(run: () => Promise<T>): Promise<T> {
    if (this.dead) throw new Error('process died');
    this.calls += 1;
    if (this.calls !== this.dieAt) return run();
    this.dead = true;
    if (this.landed) await run();
    throw new Error('process died');
  }
}

export const wrapped = (deps: RunDeps, power: Power): RunDeps => {
  const out: Record<string, unknown> = { ...deps };
  for (const name of PORTS) {
    const port = deps[name] as object;
    out[name] = new Proxy(port, {
      get: (target, prop) => {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => power.call(() => Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)));
      },
    });
  }
  return out as unknown as RunDeps;
};

/** Delivers slices with the process dying once at call `dieAt` (`onDeath` runs then, before the re-delivery); a died slice is delivered again, and the hourly tick heals what is left. */
export const runDying = async (deps: RunDeps, dieAt: number, landed: boolean, onDeath: () => void = () => undefined): Promise<number> => {
  const power = new Power(dieAt, landed);
  for (let round = 0; round < 200; round += 1) {
    const next = deps.queue.takeNext();
    if (next === undefined) {
      if ((await deps.tasks.runsWithStatus(['running'], 10)).length === 0) return power.calls;
      deps.clock.advance(21 * 60 * 1000);
      await healStalledJobs(deps);
      await startDueTasks(deps).startDue(deps.clock.now());
      continue;
    }
    if (next.message.kind !== 'task-run') continue;
    deps.clock.set(new Date(Math.max(deps.clock.now().getTime(), next.availableAt)));
    // A death that the code caught is a death all the same: the rest of the slice never ran.
    await runTaskSlice(next.message, plenty, wrapped(deps, power)).catch(() => null);
    if (power.dead) {
      power.dead = false;
      onDeath();
      deps.queue.pending.push({ ...next, availableAt: deps.clock.now().getTime() + 60_000 });
    }
  }
  throw new Error('the run never ended');
};
