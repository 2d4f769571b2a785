import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JiraSimulator } from './simulator';

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });

/**
 * Serves the simulator over HTTP on 127.0.0.1 (for manual exploration and the preview host). The caller is the app
 * unless an `X-Sim-Account-Id` header names a user. Resolves with the server and its base URL.
 */
export const serveJiraSimulator = async (simulator: JiraSimulator, port = 0): Promise<{ server: Server; url: string }> => {
  const server = createServer((req, res) => {
    void (async () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const answer = await simulator.handle({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        body: await readBody(req),
        accountId: headers['x-sim-account-id'] ?? null,
      });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${String(bound)}` };
};
