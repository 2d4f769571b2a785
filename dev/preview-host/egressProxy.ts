/**
 * The runtime's egress for the preview: requests the app sends to `https://api.atlassian.com` (through @forge/api's
 * fetch, after the manifest allow-list) go to the Admin API simulator, those to `https://api-private.atlassian.com`
 * (Automation webhooks) to the local Automation receiver; any other host is answered 502, as an unreachable
 * upstream would be.
 */
import { request } from 'node:http';
import { AUTOMATION_ORIGIN } from '../automation-receiver';
import type { EgressHandler } from '../forge-runtime';

const headerRecord = (init: RequestInit | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
};

const bodyOf = (init: RequestInit | undefined): string | undefined => {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  throw new Error('preview egress: only string request bodies are forwarded');
};

/** Forwards one request to `base` + the original path and query over plain HTTP. */
const forward = (base: string, url: URL, init: RequestInit | undefined): Promise<Response> =>
  new Promise((resolve, reject) => {
    const target = new URL(`${url.pathname}${url.search}`, base);
    const body = bodyOf(init);
    const req = request(target, { method: init?.method ?? 'GET', headers: headerRecord(init) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 502;
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') headers.set(name, value);
          else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        }
        const noBody = status === 204 || status === 304;
        resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers }));
      });
    });
    req.on('error', reject);
    init?.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')), { once: true });
    if (body !== undefined) req.write(body);
    req.end();
  });

/** An egress handler sending `https://api.atlassian.com/...` to the simulator and Automation webhooks to the receiver. */
export const adminApiEgress = (simulatorBase: string, automationBase: string): EgressHandler => (url, init) => {
  if (url.origin === 'https://api.atlassian.com') return forward(simulatorBase, url, init);
  if (url.origin === AUTOMATION_ORIGIN) return forward(automationBase, url, init);
  return Promise.resolve(new Response(`preview: no simulator for ${url.origin}`, { status: 502 }));
};
