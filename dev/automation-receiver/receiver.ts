/**
 * A local stand-in for Atlassian Automation's incoming-webhook trigger (`https://api-private.atlassian.com/
 * automation/webhooks/<product>/a/<uuid>/<uuid>`): each rule has a URL and a secret, a POST must carry the secret as
 * `X-Automation-Webhook-Token`, and every request is recorded with the answer it got. Faults on demand: the next
 * requests answer a given status (429 with Retry-After, 5xx, ...) or only after a delay.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const AUTOMATION_ORIGIN = 'https://api-private.atlassian.com';
export const TOKEN_HEADER = 'x-automation-webhook-token';

/** A rule's incoming-webhook trigger: what an admin copies into the app's Settings. */
export interface ReceiverRule {
  id: string;
  name: string;
  url: string;
  secret: string;
}

/** One request as the receiver saw it; `body` is the parsed JSON (or the raw text when it is not JSON). */
export interface ReceivedRequest {
  at: string;
  ruleId: string | null;
  ruleName: string | null;
  path: string;
  tokenOk: boolean;
  status: number;
  body: unknown;
}

/** What the next requests get instead of 200: a status (and Retry-After), or a delay before the answer. */
export interface Fault {
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
};

export class AutomationReceiver {
  readonly rules: ReceiverRule[] = [];
  readonly received: ReceivedRequest[] = [];
  private readonly faults: Fault[] = [];
  private server: Server | null = null;
  private base = '';

  /** Creates a rule with a fresh URL (a uuid-v4 and a time-ordered id, as Automation shows) and a 40-hex secret. */
  addRule(name: string, product = 'jira'): ReceiverRule {
    const path = `/automation/webhooks/${product}/a/${randomUUID()}/${randomUUID()}`;
    const rule = { id: randomUUID(), name, url: `${AUTOMATION_ORIGIN}${path}`, secret: randomBytes(20).toString('hex') };
    this.rules.push(rule);
    return rule;
  }

  /** Queues faults: each of the next requests to a rule takes the next one. */
  fail(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** Forgets what was received and any pending fault (the rules stay). */
  clear(): void {
    this.received.length = 0;
    this.faults.length = 0;
  }

  /** The base URL the app's egress is sent to (`http://127.0.0.1:<port>`). */
  get url(): string {
    return this.base;
  }

  async start(port = 0): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch(() => res.writeHead(500).end());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    this.server = server;
    this.base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    return this.base;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server === null) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://receiver.local').pathname;
    const body = await readBody(req);
    const rule = this.rules.find((r) => new URL(r.url).pathname === path) ?? null;
    const tokenOk = rule !== null && req.headers[TOKEN_HEADER] === rule.secret;
    const record = (status: number): void => {
      this.received.push({ at: new Date().toISOString(), ruleId: rule?.id ?? null, ruleName: rule?.name ?? null, path, tokenOk, status, body: parse(body) });
    };
    if (req.method !== 'POST' || rule === null) {
      record(404);
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"No such webhook"}');
      return;
    }
    if (!tokenOk) {
      record(401);
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Unauthorized"}');
      return;
    }
    const fault = this.faults.shift();
    if (fault?.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const status = fault?.status ?? 200;
    record(status);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (fault?.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
    res.writeHead(status, headers).end(status < 300 ? '{}' : '{"message":"Failed"}');
  }
}
