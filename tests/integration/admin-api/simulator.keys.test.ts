import { DEFAULT_KEYS } from '../../../dev/admin-api-simulator';
import { rejection } from './support/client';
import { SIM_NOW, startRig, type SimRig } from './support/simulator';

jest.setTimeout(60_000);

/* S1: the client and the simulator agree on why a key is refused, as far as the Admin API tells it. */

const ORG = { users: 30, now: SIM_NOW, seed: 'keys' };
const DAY = 86_400_000;
const keys = [
  { token: 'sim-revoked-key', kind: 'revoked' as const },
  { token: DEFAULT_KEYS.expired, kind: 'expired' as const },
  { token: 'orgs-only', scopes: ['read:orgs:admin'] },
];

describe('a refused org API key', () => {
  let rig: SimRig | null = null;
  afterEach(async () => {
    await rig?.stop();
    rig = null;
  });
  const refusal = async (key: string, expiresAt?: Date | null): Promise<{ code: string; details: Record<string, unknown> }> => {
    rig = await startRig(
      { org: ORG, keys },
      { apiKey: () => Promise.resolve(key), ...(expiresAt === undefined ? {} : { keyExpiry: () => Promise.resolve(expiresAt) }) },
    );
    const orgId = rig.orgId;
    return key === 'orgs-only' ? rejection(rig.gateway.listDirectories(orgId)) : rejection(rig.gateway.listOrgs());
  };

  it('a pasted key (expiry unknown): unknown, expired and revoked look alike → API_KEY_REJECTED', async () => {
    for (const key of ['not-a-key-at-all', DEFAULT_KEYS.expired, 'sim-revoked-key']) {
      await expect(refusal(key)).resolves.toMatchObject({ code: 'API_KEY_REJECTED', details: { status: 401 } });
      await rig?.stop();
      rig = null;
    }
  });

  it('the stored key past its expiry date → API_KEY_EXPIRED', async () => {
    await expect(refusal(DEFAULT_KEYS.expired, new Date(Date.parse(SIM_NOW) - DAY))).resolves.toMatchObject({ code: 'API_KEY_EXPIRED' });
  });

  it('the stored key refused before its expiry date → API_KEY_REVOKED', async () => {
    await expect(refusal('sim-revoked-key', new Date(Date.parse(SIM_NOW) + 100 * DAY))).resolves.toMatchObject({ code: 'API_KEY_REVOKED' });
  });

  it('the stored key without a known expiry stays API_KEY_REJECTED', async () => {
    await expect(refusal('sim-revoked-key', null)).resolves.toMatchObject({ code: 'API_KEY_REJECTED' });
  });

  it('a scoped key that reaches the org is found out by one users search (403 in the spec shape) → API_KEY_FORBIDDEN', async () => {
    rig = await startRig({ org: ORG }, { apiKey: () => Promise.resolve(DEFAULT_KEYS.scoped) });
    const orgs = await rig.gateway.listOrgs();
    expect(orgs.map((o) => o.id)).toEqual([rig.orgId]);
    await expect(rejection(rig.gateway.probeUserSearch(rig.orgId))).resolves.toMatchObject({ code: 'API_KEY_FORBIDDEN', details: { status: 403 } });
    await rig.stop();
    rig = await startRig({ org: ORG });
    await expect(rig.gateway.probeUserSearch(rig.orgId)).resolves.toBeUndefined();
    expect(rig.attempts.filter((a) => a.operation === 'searchUsers').map((a) => a.status)).toEqual([200]);
  });

  it('a scoped key lacking the scope (401 ADMIN-401-2 where no 403 is declared) → API_KEY_FORBIDDEN, whatever its expiry', async () => {
    await expect(refusal('orgs-only', new Date(Date.parse(SIM_NOW) + 100 * DAY))).resolves.toMatchObject({
      code: 'API_KEY_FORBIDDEN',
      details: { status: 401, apiCode: 'ADMIN-401-2' },
    });
  });
});
