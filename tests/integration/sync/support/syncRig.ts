import { InvocationError, InvocationErrorCode } from '@forge/events';
import { sql } from '@forge/sql';
import { currentInvocation } from '../../../../dev/forge-runtime';
import { buildJobsConsumerDeps, buildSyncDeps, buildTaskRunnerDeps, buildWebhookDeps, type SyncTriggerDeps } from '../../../../src/composition';
import { ensureSchema } from '../../../../src/adapters/forge-sql/schema/migrations';
import { KvsSecretStore } from '../../../../src/adapters/kvs/kvsSecretStore';
import { KvsSettingsStore } from '../../../../src/adapters/kvs/kvsSettingsStore';
import { defaultSettings } from '../../../../src/domain/model/settings';
import type { SyncRun } from '../../../../src/domain/model/jobs';
import type { SyncLimits } from '../../../../src/domain/usecases/sync/budget';
import type { HourlyTickSummary } from '../../../../src/domain/usecases/sync/hourlyTick';
import { consumeJobEvent } from '../../../../src/triggers/jobConsumer';
import { runHourlyTick } from '../../../../src/triggers/hourlyTrigger';
import type { ForgeRuntimeHandle } from '../../../support/forgeRuntime';
import { KillSwitch } from './killSwitch';
import { seeded } from '../../../support/seeded';
import { API_KEY, type Simulators } from './simulators';

const MINUTE_MS = 60_000;

/** What a killed consumer invocation looks like to the platform: it failed (no retry) or asked to be run again. */
export type KillMode = 'drop' | 'redeliver';

/**
 * Runs syncs the way Forge does, on the local runtime: the hourly trigger as a scheduled invocation, the real
 * `ulo-sync` consumer (src/triggers/jobConsumer) on queue deliveries, deps from `buildSyncDeps` with only the
 * waits made virtual (client sleeps advance the runtime clock, which the simulators, the queue and the KVS read).
 * A consumer killed by the {@link KillSwitch} comes back as a new function instance (fresh deps).
 */
export class SyncRig {
  readonly kill = new KillSwitch();
  killMode: KillMode = 'redeliver';
  /** Hourly ticks `settle` needed to resume stalled or parked runs. */
  resumes = 0;
  private limits: Partial<SyncLimits> = {};
  private random = seeded(1);
  private deps: SyncTriggerDeps;

  /** Call once per runtime (it wraps the runtime's request hooks and takes over the `sync-consumer` function). */
  constructor(private readonly rt: ForgeRuntimeHandle) {
    this.deps = this.build();
    this.kill.install(rt.runtime);
    rt.setConsumerHandler('sync-consumer', (event) => this.deliver(event));
  }

  /** New deps with these slice limits and jitter seed (a new function instance); disarms the kill switch. */
  reset(limits: Partial<SyncLimits> = {}, seed = 1, killMode: KillMode = 'redeliver'): void {
    this.limits = limits;
    this.random = seeded(seed);
    this.killMode = killMode;
    this.kill.arm(null);
    this.deps = this.build();
  }

  /** The deps the consumer and the tick use (a new instance after each kill). */
  get current(): SyncTriggerDeps {
    return this.deps;
  }

  /** Saves the org's API key and a daily slot that is due now (see {@link configureApp}). */
  configure(sims: Simulators, timeZone = 'UTC'): Promise<void> {
    return configureApp(sims, this.now(), timeZone);
  }

  now(): Date {
    return new Date(this.rt.runtime.clock.now());
  }

  /** One hourly trigger invocation. */
  tick(): Promise<HourlyTickSummary | null> {
    return this.rt.runtime.invoke(
      { functionKey: 'hourly-tick', moduleKey: 'ulo-hourly', moduleType: 'core:scheduledTrigger', timeoutMs: 900_000 },
      () => runHourlyTick(this.deps),
    );
  }

  /**
   * Delivers queue events until none is left; while the run is still `running` after that (its continuation was
   * lost with a dropped invocation), lets half an hour pass and ticks, which resumes it. Returns the run.
   */
  async settle(runId: string, maxRounds = 30): Promise<SyncRun> {
    for (let round = 0; round < maxRounds; round += 1) {
      await this.rt.runtime.queue.drain();
      const run = await this.deps.runs.get(runId);
      if (run === null) throw new Error(`run ${runId} not found`);
      if (run.status !== 'running') return run;
      this.rt.runtime.clock.advance(31 * MINUTE_MS);
      this.resumes += 1;
      await this.tick();
    }
    throw new Error(`run ${runId} still running after ${String(maxRounds)} rounds`);
  }

  private build(): SyncTriggerDeps {
    const clock = { now: (): Date => this.now() };
    const sleep = (ms: number): Promise<void> => {
      this.rt.runtime.clock.advance(Math.max(0, ms));
      return Promise.resolve();
    };
    const random = (): number => this.random();
    return buildSyncDeps({
      clock,
      adminApi: { sleep, random, requestTimeoutMs: 250 },
      jira: { sleep, random, clock },
      limits: this.limits,
    });
  }

  private async deliver(event: unknown): Promise<InvocationError | undefined> {
    const invocationId = currentInvocation()?.invocationId ?? '';
    const killed = this.kill.killed(invocationId).then(() => 'killed' as const);
    const outcome = await Promise.race([consumeJobEvent(event, { sync: this.deps, bulk: buildJobsConsumerDeps(this.deps.clock), webhooks: buildWebhookDeps(this.deps.clock), tasks: buildTaskRunnerDeps(this.deps.clock) }), killed]);
    this.kill.release(invocationId);
    if (outcome !== 'killed') return outcome;
    this.deps = this.build();
    if (this.killMode === 'drop') throw new Error('consumer killed');
    return new InvocationError({ retryAfter: 5, retryReason: InvocationErrorCode.FUNCTION_PLATFORM_UNKNOWN_ERROR });
  }
}

/** Saves the org's API key (as the admin page does) and a daily sync slot that is due at `now` in `timeZone`. */
export const configureApp = async (sims: Simulators, now: Date, timeZone = 'UTC'): Promise<void> => {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now));
  await new KvsSettingsStore().save({ ...defaultSettings(), sync: { hour, timeZone } });
  const info = { orgId: sims.orgId, orgName: sims.admin.state.org.name, lastFour: API_KEY.slice(-4), expiresAt: null, expirySource: null };
  await new KvsSecretStore().saveKey(API_KEY, info);
};

/** Ends runs an earlier (failed) test left `running`, so that the next test's tick may start a new one. */
export const closeUnfinishedRuns = async (): Promise<void> => {
  await ensureSchema();
  await sql.prepare("UPDATE jobs SET status = 'failed' WHERE kind = 'sync' AND status = 'running'").execute();
};
