import { request } from 'node:http';

/** Forwards an egress request (`https://api.atlassian.com/...`) to the simulator at `base` over plain node:http. */
export const proxyTo =
  (base: string) =>
  (url: URL, init: RequestInit | undefined): Promise<Response> =>
    new Promise((resolve, reject) => {
      const target = new URL(`${url.pathname}${url.search}`, base);
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((value, name) => {
        headers[name] = value;
      });
      const body = typeof init?.body === 'string' ? init.body : undefined;
      const req = request(target, { method: init?.method ?? 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 500;
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') responseHeaders.set(k, v);
          const text = Buffer.concat(chunks);
          resolve(new Response(status === 204 || status === 304 ? null : text, { status, headers: responseHeaders }));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
