import { useForgeRuntime } from '../../../support/forgeRuntime';
import { AdminApiSimulator, DEFAULT_KEYS } from '../../../../dev/admin-api-simulator';
import { contract, type ResolverKey } from '../../../../src/contract';
import { handler } from '../../../../src/index';
import { proxyTo } from './proxy';

/** Every response a test got, to scan for the API key. */
export const responses: unknown[] = [];

export interface AppRig {
  readonly rt: ReturnType<typeof useForgeRuntime>;
  readonly sim: AdminApiSimulator;
  readonly jiraAdmins: Set<string>;
  invoke(accountId: string, key: string, payload?: unknown): Promise<unknown>;
  /** Invokes and checks the answer is ok and matches the contract's response schema; returns its data. */
  ok(accountId: string, key: ResolverKey, payload?: unknown): Promise<unknown>;
}

/**
 * The real `handler` on the local Forge runtime: Jira answers `mypermissions` from `jiraAdmins`, and egress to
 * api.atlassian.com reaches an Admin API simulator with a small seeded org.
 */
export const useAppRig = (users = 30): AppRig => {
  const rt = useForgeRuntime();
  const jiraAdmins = new Set<string>();
  let sim: AdminApiSimulator | undefined;
  beforeAll(async () => {
    sim = new AdminApiSimulator({ org: { users, now: new Date().toISOString(), seed: 'resolvers' } });
    rt.setEgressHandler(proxyTo(await sim.start()));
    rt.setProductHandler((req) => {
      if (req.provider === 'user' && req.path.startsWith('/rest/api/3/mypermissions?permissions=ADMINISTER')) {
        const havePermission = jiraAdmins.has(req.accountId ?? '');
        return Response.json({ permissions: { ADMINISTER: { key: 'ADMINISTER', havePermission } } });
      }
      return Response.json({ errorMessages: ['unexpected'] }, { status: 404 });
    });
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
  }, 60_000);
  const invoke = async (accountId: string, key: string, payload: unknown = {}): Promise<unknown> => {
    const result = await rt.runtime.invoke({ accountId, functionKey: 'resolver', moduleKey: 'ulo-admin-page' }, () =>
      handler({ call: { functionKey: key, payload }, context: { moduleKey: 'ulo-admin-page' } }, { principal: { accountId } }),
    );
    responses.push(result);
    return result;
  };
  return {
    rt,
    get sim(): AdminApiSimulator {
      if (sim === undefined) throw new Error('simulator not started');
      return sim;
    },
    jiraAdmins,
    invoke,
    ok: async (accountId, key, payload = {}) => {
      const result = (await invoke(accountId, key, payload)) as { ok: boolean; data?: unknown; error?: unknown };
      if (!result.ok) throw new Error(`${key} failed: ${JSON.stringify(result.error)}`);
      return contract[key].data.parse(result.data);
    },
  };
};

export const SIM_KEY = DEFAULT_KEYS.valid;
