import { useForgeRuntime } from '../../support/forgeRuntime';
import { webTrigger } from '@forge/api';
import { currentInvocation, type WebTriggerEvent } from '../../../dev/forge-runtime';

const seen: { event: WebTriggerEvent; context: unknown; moduleType: string | undefined }[] = [];
const rt = useForgeRuntime({
  sql: false,
  baseManifest: {
    functions: [
      { key: 'echo-fn', handler: 'index.echo' },
      { key: 'bad-fn', handler: 'index.bad' },
      { key: 'throw-fn', handler: 'index.boom' },
    ],
    consumers: [],
    egress: [],
    webtriggers: [
      { key: 'echo', function: 'echo-fn' },
      { key: 'bad-shape', function: 'bad-fn' },
      { key: 'throws', function: 'throw-fn' },
    ],
  },
  queue: {
    handlers: {
      'echo-fn': (event, context) => {
        seen.push({ event: event as WebTriggerEvent, context, moduleType: currentInvocation()?.moduleType });
        return { statusCode: 201, headers: { 'X-Echo': ['yes', 'twice'] }, body: 'made' };
      },
      'bad-fn': () => ({ status: 200, body: { not: 'a string' } }),
      'throw-fn': () => { throw new Error('secret detail'); },
    },
  },
});

describe('web triggers on the local runtime (runtime-reference/web-trigger)', () => {
  it('gives a stable URL per module through @forge/api webTrigger, a new one with forceCreate, and lists them', async () => {
    const url = await webTrigger.getUrl('echo');
    expect(url).toMatch(/^http:\/\/forge-runtime\.local\/x1\/[0-9a-f-]{36}$/);
    expect(await webTrigger.getUrl('echo')).toBe(url);
    rt.runtime.webTriggers.baseUrl = 'http://127.0.0.1:9999/';
    expect(await webTrigger.getUrl('echo')).toBe(url.replace('http://forge-runtime.local', 'http://127.0.0.1:9999'));
    const fresh = await webTrigger.getUrl('echo', { forceCreate: true });
    expect(fresh).not.toBe(url);
    expect(await webTrigger.queryUrls('echo')).toEqual([{ moduleKey: 'echo', url: fresh }]);
    await expect(webTrigger.getUrl('no-such-module')).rejects.toThrow('Failed to get web trigger URL');
  });

  it('calls the function with the documented request: method, path, lower-case headers as arrays, query parameters, body', async () => {
    const path = new URL(await webTrigger.getUrl('echo')).pathname;
    const answer = await rt.runtime.webTriggers.call({
      method: 'post',
      url: `${path}/extra/part?a=1&a=2&b=x`,
      headers: { 'Content-Type': ['application/json'], authorization: ['Bearer t'], 'x-empty': undefined },
      body: '{"hello":1}',
    });
    expect(answer).toEqual({ status: 201, headers: { 'x-echo': ['yes', 'twice'] }, body: 'made' });
    expect(seen.at(-1)).toEqual({
      event: {
        method: 'POST',
        path: `${path}/extra/part`,
        userPath: 'extra/part',
        headers: { 'content-type': ['application/json'], authorization: ['Bearer t'] },
        queryParameters: { a: ['1', '2'], b: ['x'] },
        body: '{"hello":1}',
      },
      context: { installContext: 'ari:cloud:jira::site/local-cloud' },
      moduleType: 'core:webtrigger',
    });
  });

  it('answers 500 when the function throws or returns something out of shape, 404 for an unknown trigger', async () => {
    const pathOf = async (key: string): Promise<string> => new URL(await webTrigger.getUrl(key)).pathname;
    const bad = await rt.runtime.webTriggers.call({ method: 'GET', url: await pathOf('bad-shape'), headers: {}, body: '' });
    expect(bad.status).toBe(500);
    const thrown = await rt.runtime.webTriggers.call({ method: 'GET', url: await pathOf('throws'), headers: {}, body: '' });
    expect(thrown.status).toBe(500);
    expect(thrown.body).not.toContain('secret detail');
    expect((await rt.runtime.webTriggers.call({ method: 'GET', url: '/x1/00000000-0000-0000-0000-000000000000', headers: {}, body: '' })).status).toBe(404);
    expect((await rt.runtime.webTriggers.call({ method: 'GET', url: '/elsewhere', headers: {}, body: '' })).status).toBe(404);
  });
});
