import { AdminApiSimulator, DEFAULT_KEYS, type SimulatorOptions } from '../../../../dev/admin-api-simulator';
import { createAdminApiGateway, type AdminApiOptions, type AttemptEvent } from '../../../../src/adapters/admin-api';
import { isDomainError } from '../../../../src/domain/model/errors';
import type { User } from '../../../../src/domain/model/user';
import type { AdminApiGateway } from '../../../../src/adapters/admin-api';
import { nodeFetch } from './client';
import { VirtualTime } from './virtualTime';

/** The simulated org's "today"; the simulator and the client share one virtual clock starting there. */
export const SIM_NOW = '2026-06-01T12:00:00.000Z';

export interface SimRig {
  sim: AdminApiSimulator;
  time: VirtualTime;
  gateway: AdminApiGateway;
  attempts: AttemptEvent[];
  orgId: string;
  directoryIds: string[];
  /** How many times a RATE_LIMITED error made the caller re-queue the work (see `resumable`). */
  requeues: { count: number };
  stop(): Promise<void>;
}

/** A simulator and a client on the same virtual time. */
export const startRig = async (
  sim: Omit<SimulatorOptions, 'clock'>,
  client: Partial<AdminApiOptions> = {},
): Promise<SimRig> => {
  const time = new VirtualTime(Date.parse(SIM_NOW));
  const simulator = new AdminApiSimulator({ ...sim, clock: time.now });
  const baseUrl = await simulator.start();
  const attempts: AttemptEvent[] = [];
  const gateway = createAdminApiGateway({
    apiKey: () => Promise.resolve(DEFAULT_KEYS.valid),
    baseUrl,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    fetch: time.wrap(nodeFetch),
    onAttempt: (e) => attempts.push(e),
    ...client,
  });
  return {
    sim: simulator,
    time,
    gateway,
    attempts,
    orgId: simulator.state.org.id,
    directoryIds: simulator.state.org.directories.map((d) => d.id),
    requeues: { count: 0 },
    stop: () => simulator.stop(),
  };
};

/**
 * Runs `step` the way a queue consumer does: a RATE_LIMITED error re-queues it for `details.retryAt`
 * (here: sleeps on virtual time until then) and runs it again; nothing is skipped.
 */
export const resumable = async <T>(rig: SimRig, step: () => Promise<T>): Promise<T> => {
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'RATE_LIMITED') throw error;
      rig.requeues.count += 1;
      const retryAt = Date.parse(String(error.details?.retryAt));
      await rig.time.sleep(Math.max(0, retryAt - rig.time.now()));
    }
  }
};

/** Every user of one directory, page by page over the cursors, each page resumable. */
export const walkUsers = async (rig: SimRig, directoryId: string): Promise<User[]> => {
  const users: User[] = [];
  let cursor: string | null = null;
  do {
    const page = await resumable(rig, () => rig.gateway.searchUsers(rig.orgId, directoryId, cursor));
    users.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return users;
};

/** Total 429 answers the simulator gave, and how many of them were injected faults. */
export const tooManyRequests = (sim: AdminApiSimulator): number =>
  Object.values(sim.counters()).reduce((n, c) => n + (c.statuses[429] ?? 0), 0);
