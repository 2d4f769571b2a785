/**
 * Plain HTTP to the preview host from the test process. Global `fetch` here is the Forge runtime's egress hook (it
 * enforces the manifest's allow-list), so the tests talk to the host over node:http instead.
 */
import { request } from 'node:http';

/** A response: status and body text. */
export interface HttpAnswer {
  status: number;
  text: string;
}

/** One request to `url`; `body` is sent as JSON. */
export const http = (url: URL, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<HttpAnswer> =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, headers: payload === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }); });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
