import { request } from 'node:http';
import type { EgressHandler } from '../../../../dev/forge-runtime';

/**
 * The runtime's egress handler for a local Admin API simulator: `https://api.atlassian.com/<path>` (what the app's
 * @forge/api `fetch` asks for, after the manifest's egress check) is sent to `base` over plain node:http — the
 * global `fetch` is the runtime's own hook and would loop back.
 */
export const egressTo =
  (base: string): EgressHandler =>
  (url, init) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((value, name) => {
        headers[name] = value;
      });
      const req = request(new URL(`${url.pathname}${url.search}`, base), { method: init?.method ?? 'GET', headers }, (res) => {
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
      const signal = init?.signal;
      signal?.addEventListener('abort', () => req.destroy(new Error('aborted')), { once: true });
      if (typeof init?.body === 'string') req.write(init.body);
      req.end();
    });
