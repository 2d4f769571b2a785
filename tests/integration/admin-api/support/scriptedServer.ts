import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as it arrived on the wire. */
export interface SeenRequest {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Raw body text ('' when none). */
  text: string;
  /** Parsed JSON body; undefined when there was none. */
  body: unknown;
}

/** What the script answers; `destroy` drops the connection without an answer. */
export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  raw?: string;
  headers?: Record<string, string>;
  destroy?: boolean;
  /** Real milliseconds to hold the answer back (slow responses). */
  delayMs?: number;
}

export type Script = (req: SeenRequest, index: number) => ScriptedAnswer;

/** A tiny HTTP server on 127.0.0.1 that answers from a script and records every request. */
export interface ScriptedServer {
  url: string;
  requests: SeenRequest[];
  setScript(script: Script): void;
  close(): Promise<void>;
}

export const startScriptedServer = async (initial: Script): Promise<ScriptedServer> => {
  let script = initial;
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local.invalid');
      const text = Buffer.concat(chunks).toString('utf8');
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        text,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      requests.push(seen);
      const answer = script(seen, requests.length - 1);
      if (answer.destroy) {
        res.socket?.destroy();
        return;
      }
      const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      const type: Record<string, string> = payload === '' ? {} : { 'Content-Type': 'application/json' };
      const send = (): void => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { ...type, ...answer.headers });
        res.end(payload);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    requests,
    setScript: (next) => {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
      }),
  };
};
