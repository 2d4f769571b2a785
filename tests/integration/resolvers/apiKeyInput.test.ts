import { SIM_KEY, useAppRig } from './support/harness';

const rig = useAppRig(10);
let admin = '';

beforeAll(() => {
  admin = rig.sim.state.org.users[0]?.accountId ?? '';
  rig.jiraAdmins.add(admin);
});
afterEach(() => {
  rig.sim.setFaults([]);
});

const requestsSeen = (): number => Object.values(rig.sim.counters()).reduce((sum, c) => sum + c.requests, 0);

describe('a pasted key is checked before anything is sent (P4)', () => {
  it.each([
    [`${SIM_KEY}\u200b`, 'key-not-ascii'],
    [`\u201c${SIM_KEY}\u201d`, 'key-not-ascii'],
    [`${SIM_KEY.slice(0, 5)}\n${SIM_KEY.slice(5)}`, 'key-control-character'],
    [`${SIM_KEY.slice(0, 5)}\u0007${SIM_KEY.slice(5)}`, 'key-control-character'],
    [`${SIM_KEY.slice(0, 5)} ${SIM_KEY.slice(5)}`, 'key-has-spaces'],
    [`${SIM_KEY.slice(0, 5)}\u00a0${SIM_KEY.slice(5)}`, 'key-has-spaces'],
  ])('refuses %j at once with the reason %s, and calls nobody', async (key, reason) => {
    const before = requestsSeen();
    for (const name of ['apiKey.check', 'apiKey.save'] as const) {
      const payload = name === 'apiKey.check' ? { key } : { key, orgId: rig.sim.state.org.id };
      expect(await rig.invoke(admin, name, payload)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'key', messageKey: `validation.apiKey.${reason}` }] } },
      });
    }
    expect(requestsSeen()).toBe(before);
    expect(await rig.ok(admin, 'app.bootstrap')).toMatchObject({ apiKeyConfigured: false });
  });

  it('answers "try again" within the resolver deadline when the Admin API keeps failing, and saves nothing', async () => {
    rig.sim.setFaults([{ kind: 'server-error', status: 503 }]);
    const started = Date.now();
    expect(await rig.invoke(admin, 'apiKey.save', { key: SIM_KEY, orgId: rig.sim.state.org.id })).toMatchObject({ ok: false, error: { code: 'UPSTREAM_FAILED' } });
    // 8 s of retries at most, plus one attempt of at most 5 s; before the deadline it took six attempts (about 21 s).
    expect(Date.now() - started).toBeLessThan(14_000);
    rig.sim.setFaults([]);
    expect(await rig.ok(admin, 'app.bootstrap')).toMatchObject({ apiKeyConfigured: false });
  }, 60_000);
});
