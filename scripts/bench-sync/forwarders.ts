import { Agent, request } from 'node:http';
import type { EgressHandler, ProductHandler } from '../../dev/forge-runtime';

/** Connections are reused, as Forge's egress proxy and the product proxy do. */
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

const send = (url: URL, method: string, headers: Headers, body: string | undefined, signal?: AbortSignal | null): Promise<Response> =>
  new Promise((resolve, reject) => {
    const flat: Record<string, string> = {};
    headers.forEach((value, name) => {
      flat[name] = value;
    });
    const req = request(url, { method, headers: flat, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 500;
        const answer = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') answer.set(name, value);
        resolve(new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers: answer }));
      });
    });
    req.on('error', reject);
    signal?.addEventListener('abort', () => req.destroy(new Error('aborted')), { once: true });
    if (body !== undefined && body !== '') req.write(body);
    req.end();
  });

/** Egress to https://api.atlassian.com (after the manifest's egress check) → the Admin API simulator at `base`. */
export const adminEgress =
  (base: string): EgressHandler =>
  (url, init) =>
    send(new URL(`${url.pathname}${url.search}`, base), init?.method ?? 'GET', new Headers(init?.headers), typeof init?.body === 'string' ? init.body : undefined, init?.signal);

/** `requestJira` as the app → the Jira simulator's HTTP server at `base`. */
export const jiraProduct =
  (base: string): ProductHandler =>
  (req) =>
    send(new URL(req.path, base), req.method, req.headers, req.body);
