import { useForgeRuntime } from '../../support/forgeRuntime';
import api, { asApp, asUser, route, getAppContext, NeedsAuthenticationError, ExternalEndpointNotAllowedError } from '@forge/api';
import { Queue } from '@forge/events';
import type { ProductRequest } from '../../../dev/forge-runtime';

const loaded: string[] = [];
const rt = useForgeRuntime({
  sql: false,
  manifest: {
    functions: [{ key: 'loaded-fn', handler: 'workers/sync.onEvent' }],
    consumers: [{ key: 'loaded-consumer', queue: 'loaded-q', function: 'loaded-fn' }],
  },
  queue: { loader: (file, exportName) => () => { loaded.push(`${file}#${exportName}`); } },
});

describe('product requests through @forge/api', () => {
  const requests: ProductRequest[] = [];
  beforeEach(() => {
    requests.length = 0;
    rt.setProductHandler((r) => { requests.push(r); return Response.json({ accountId: 'u-1' }); });
  });

  it('sends requestJira / asApp / asUser to the product handler with the provider', async () => {
    const plain = await api.requestJira(route`/rest/api/3/myself`);
    expect(await plain.json()).toEqual({ accountId: 'u-1' });
    await asApp().requestJira(route`/rest/api/3/group/member?groupId=${'g 1'}`, { method: 'GET' });
    await rt.runtime.invoke({ accountId: 'admin-7' }, () => asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`));
    expect(requests.map((r) => [r.remote, r.provider, r.accountId, r.method, r.path])).toEqual([
      ['jira', 'none', undefined, 'GET', '/rest/api/3/myself'],
      ['jira', 'app', undefined, 'GET', '/rest/api/3/group/member?groupId=g%201'],
      ['jira', 'user', 'admin-7', 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER'],
    ]);
  });

  it('refuses asUser without an invoking user (consumers, scheduled triggers)', async () => {
    await expect(asUser().requestJira(route`/rest/api/3/myself`)).rejects.toBeInstanceOf(NeedsAuthenticationError);
  });
});

describe('egress fetch', () => {
  it('reaches declared backends through the egress handler', async () => {
    const urls: string[] = [];
    rt.setEgressHandler((url) => { urls.push(url.href); return Response.json({ ok: true }); });
    const res = await api.fetch('https://api.atlassian.com/admin/v1/orgs/o1/users');
    expect(await res.json()).toEqual({ ok: true });
    expect(urls).toEqual(['https://api.atlassian.com/admin/v1/orgs/o1/users']);
  });

  it.each(['https://evil.example.com/steal', 'http://api.atlassian.com/admin', 'https://api.atlassian.com.evil.io/'])('refuses undeclared egress to %s', async (url) => {
    await expect(api.fetch(url)).rejects.toBeInstanceOf(ExternalEndpointNotAllowedError);
  });
});

describe('app context', () => {
  it('reports the installation and the remaining time of the current invocation', async () => {
    const ctx = getAppContext();
    expect(ctx.appAri.toString()).toBe(`ari:cloud:ecosystem::app/${rt.runtime.app.appId}`);
    expect(ctx.installationAri.toString()).toBe(`ari:cloud:ecosystem::installation/${rt.runtime.app.installationId}`);
    const remaining = await rt.runtime.invoke({ timeoutMs: 10_000 }, async () => {
      await new Promise((r) => setTimeout(r, 50));
      return getAppContext().invocationRemainingTimeInMillis();
    });
    expect(remaining).toBeLessThan(10_000);
    expect(remaining).toBeGreaterThan(9_000);
  });
});

describe('consumer handlers named in the manifest', () => {
  it('loads the handler through the loader (file relative to src/, export name)', async () => {
    await new Queue({ key: 'loaded-q' }).push({ body: {} });
    await rt.runtime.queue.drain();
    expect(loaded).toEqual(['workers/sync#onEvent']);
  });
});
