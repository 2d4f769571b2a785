import { AdminApiSimulator, DEFAULT_KEYS, ENDPOINT_CLASSES, type EndpointClass } from '../../dev/admin-api-simulator';
import { declaredStatuses, specForPath } from '../support/openapi';
import { call, contractErrors, ORG_NOW, startSimulator } from './simulator.harness';
import { operations } from './simulator.operations';

jest.setTimeout(60_000);

/**
 * Every operation: its success answer and the generic error answers (401, 403 for scoped keys, 429, 500) are valid
 * against the official document — or are one of the documented off-spec answers below, and then the status really
 * is undeclared (so the list cannot hide a simulator bug).
 */
const OFF_SPEC: Record<string, number[]> = {
  workspaces: [429],
  disable: [429, 500],
  enable: [429, 500],
  apiKeys: [401, 429],
};

async function expectContract(name: string, method: string, path: string, answer: Awaited<ReturnType<typeof call>>): Promise<void> {
  const declared = await declaredStatuses(specForPath(path), method, path);
  if (OFF_SPEC[name]?.includes(answer.status)) {
    expect(declared).not.toContain(answer.status);
    expect(answer.body).toEqual({ code: answer.status, message: expect.any(String) as unknown });
    return;
  }
  expect({ name, status: answer.status, errors: await contractErrors(method, path, answer) })
    .toEqual({ name, status: answer.status, errors: [] });
}

describe('every operation against the official documents', () => {
  let sim: AdminApiSimulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());

  it('serves all endpoint classes', () => {
    expect(new Set(operations(sim).map((o) => o.cls))).toEqual(new Set<EndpointClass>(ENDPOINT_CLASSES));
  });

  it.each(['success', 'no key', 'expired key', 'scoped key'] as const)('%s', async (mode) => {
    for (const op of operations(sim)) {
      const key = mode === 'no key' ? null : mode === 'expired key' ? DEFAULT_KEYS.expired : mode === 'scoped key' ? DEFAULT_KEYS.scoped : undefined;
      const answer = await call(sim, op.method, op.path, { body: op.body, key });
      if (mode === 'success') expect({ name: op.name, status: answer.status }).toEqual({ name: op.name, status: op.ok });
      if (mode === 'no key' || mode === 'expired key') expect({ name: op.name, status: answer.status }).toEqual({ name: op.name, status: 401 });
      await expectContract(op.name, op.method, op.path, answer);
      for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) expect(answer.headers[h]).toBeDefined();
    }
  });

  it('the scoped key reads what its scopes allow and nothing else', async () => {
    const statuses = Object.fromEntries(await Promise.all(operations(sim).map(async (op) =>
      [op.name, (await call(sim, op.method, op.path, { body: op.body, key: DEFAULT_KEYS.scoped })).status] as const)));
    expect(statuses).toMatchObject({
      getOrgs: 200, getDirectories: 200, workspaces: 200, groupRoles: 200, eventsStream: 200,
      usersSearch: 403, groupsSearch: 403, lastActive: 403, suspend: 403, disable: 403, assignRole: 403,
      addMember: 403, apiKeys: 403,
    });
  });
});

describe('a key with none of the read scopes', () => {
  it('gets 403 where the operation declares it, else 401, always in the spec shape', async () => {
    const sim = await startSimulator({ keys: [{ token: 'domains-only', scopes: ['read:domains:admin'] }] });
    try {
      const got: Record<string, number> = {};
      for (const op of operations(sim)) {
        const answer = await call(sim, op.method, op.path, { body: op.body, key: 'domains-only' });
        got[op.name] = answer.status;
        await expectContract(op.name, op.method, op.path, answer);
      }
      expect(got).toMatchObject({ getOrgs: 401, getDirectories: 401, workspaces: 403, groupRoles: 403, eventsStream: 401, apiKeys: 403 });
    } finally {
      await sim.stop();
    }
  });
});

describe('429 and 500 of every operation', () => {
  it('answers 429 with the spec body once the bucket is empty', async () => {
    const limits = Object.fromEntries(ENDPOINT_CLASSES.map((c) => [c, 1])) as Record<EndpointClass, number>;
    const sim = new AdminApiSimulator({ org: { users: 30, now: ORG_NOW, seed: 'contract' }, rateLimits: limits, clock: () => 1_000 });
    await sim.start();
    try {
      const used = new Set<EndpointClass>();
      for (const op of operations(sim)) {
        if (!used.has(op.cls)) await call(sim, op.method, op.path, { body: op.body });
        used.add(op.cls);
        const answer = await call(sim, op.method, op.path, { body: op.body });
        expect({ name: op.name, status: answer.status }).toEqual({ name: op.name, status: 429 });
        expect(answer.headers['x-ratelimit-remaining']).toBe('0');
        expect(answer.headers['retry-after']).toBe('60');
        await expectContract(op.name, op.method, op.path, answer);
      }
    } finally {
      await sim.stop();
    }
  });

  it('answers 500 with the spec body under an injected server error', async () => {
    const sim = await startSimulator({ faults: [{ kind: 'server-error' }] });
    try {
      for (const op of operations(sim)) {
        const answer = await call(sim, op.method, op.path, { body: op.body });
        expect({ name: op.name, status: answer.status }).toEqual({ name: op.name, status: 500 });
        await expectContract(op.name, op.method, op.path, answer);
      }
    } finally {
      await sim.stop();
    }
  });
});
