import { InvocationError, InvocationErrorCode } from '@forge/events';
import { currentInvocation } from '../../../../dev/forge-runtime';
import { buildJobsConsumerDeps, buildSyncDeps, buildTaskRunnerDeps, buildWebhookDeps } from '../../../../src/composition';
import type { Job } from '../../../../src/domain/model/jobs';
import type { ConsumerDeps } from '../../../../src/triggers/jobHandlers';
import { consumeJobEvent } from '../../../../src/triggers/jobConsumer';
import { SqlJobRepository } from '../../../../src/adapters/forge-sql/jobs/sqlJobRepository';
import { ForgeJobQueue } from '../../../../src/adapters/events/jobQueue';
import type { ForgeRuntimeHandle } from '../../../support/forgeRuntime';
import { KillSwitch } from '../../sync/support/killSwitch';

/** A request the app sent to the Admin API (it passed the kill switch, so the simulator saw it). */
export interface SentRequest {
  method: string;
  path: string;
  status: number;
}

/** Longer than a slice's lease on its job (960 s): a stalled job's lease has lapsed when it is picked up again. */
const LEASE_LAPSE_MS = 17 * 60_000;

/**
 * The real `ulo-jobs` consumer on the local runtime, killable at any request by a {@link KillSwitch}: a killed
 * invocation asks the platform to deliver it again (which finds the dead slice's lease and does nothing), and the
 * job is then picked up once the lease has lapsed, as a stalled job is. Deps come from `buildJobsConsumerDeps` on
 * the runtime's clock; a killed consumer comes back as a new function instance. `sent` lists Admin API requests.
 */
export class KilledJobs {
  readonly kill = new KillSwitch();
  readonly sent: SentRequest[] = [];
  private deps = this.build();

  constructor(private readonly rt: ForgeRuntimeHandle) {
    const egress = rt.runtime.egressFetch.bind(rt.runtime);
    rt.runtime.egressFetch = async (input, init) => {
      const response = await egress(input, init);
      const url = new URL(String(input instanceof Request ? input.url : input));
      this.sent.push({ method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, status: response.status });
      return response;
    };
    this.kill.install(rt.runtime);
    rt.setConsumerHandler('jobs-consumer', (event) => this.deliver(event));
  }

  /** Delivers queue events until the job has ended, re-pushing a stalled job's slice after its lease lapsed. */
  async settle(jobId: string, accountId: string, maxRounds = 5): Promise<Job> {
    for (let round = 0; round < maxRounds; round += 1) {
      await this.rt.runtime.queue.drain();
      const job = await new SqlJobRepository().get(jobId);
      if (job === null) throw new Error(`job ${jobId} not found`);
      if (job.status !== 'queued' && job.status !== 'running') return job;
      this.rt.runtime.clock.advance(LEASE_LAPSE_MS);
      const kind = job.kind === 'revert' ? 'revert' : 'bulk-action';
      await this.rt.runtime.invoke({ accountId, functionKey: 'resolver' }, () => new ForgeJobQueue().push({ kind, jobId, slice: 0 }));
    }
    throw new Error(`job ${jobId} still running after ${String(maxRounds)} rounds`);
  }

  private build(): ConsumerDeps {
    const clock = { now: (): Date => new Date(this.rt.runtime.clock.now()) };
    return { bulk: buildJobsConsumerDeps(clock), sync: buildSyncDeps({ clock }), webhooks: buildWebhookDeps(clock), tasks: buildTaskRunnerDeps(clock) };
  }

  private async deliver(event: unknown): Promise<InvocationError | undefined> {
    const invocationId = currentInvocation()?.invocationId ?? '';
    const killed = this.kill.killed(invocationId).then(() => 'killed' as const);
    const outcome = await Promise.race([consumeJobEvent(event, this.deps), killed]);
    this.kill.release(invocationId);
    if (outcome !== 'killed') return outcome;
    this.deps = this.build();
    return new InvocationError({ retryAfter: 5, retryReason: InvocationErrorCode.FUNCTION_PLATFORM_UNKNOWN_ERROR });
  }
}
