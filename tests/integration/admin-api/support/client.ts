import { createAdminApiGateway, type AdminApiOptions, type AttemptEvent, type FetchLike } from '../../../../src/adapters/admin-api';
import type { AdminApiGateway } from '../../../../src/adapters/admin-api';
import { VirtualTime } from './virtualTime';

/** Node's global fetch, as the client's FetchLike. */
export const nodeFetch: FetchLike = (url, init) => fetch(url, init);

export interface TestClient {
  gateway: AdminApiGateway;
  time: VirtualTime;
  /** Every finished attempt, in order. */
  attempts: AttemptEvent[];
}

/** A gateway on virtual time against `baseUrl`; jitter is fixed at half the ceiling. */
export const testClient = (baseUrl: string, overrides: Partial<AdminApiOptions> = {}): TestClient => {
  const time = new VirtualTime();
  const attempts: AttemptEvent[] = [];
  const gateway = createAdminApiGateway({
    apiKey: () => Promise.resolve('test-key'),
    baseUrl,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    fetch: time.wrap(nodeFetch),
    onAttempt: (e) => attempts.push(e),
    ...overrides,
  });
  return { gateway, time, attempts };
};

/** The DomainError code and details a promise rejects with. */
export const rejection = async (promise: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> => {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; details?: Record<string, unknown> };
    return { code: e.code ?? 'not-a-domain-error', details: e.details ?? {} };
  }
  throw new Error('expected a rejection');
};
