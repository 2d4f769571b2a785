/**
 * The preview host's HTTP server on 127.0.0.1: the page, the bundles, the Frame resources, the bridge's back
 * channel (`invoke`, `getContext`) and a small dev API (queue status, firing the scheduled trigger, moving the
 * preview's time forward, the Automation webhook receiver).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { Backend } from './backend';
import type { Bundles } from './bundles';
import { invokeResolver, productContext } from './invokeResolver';
import { buildErrorPage, previewPage } from './page';
import { passDays, previewClock } from './previewClock';
import type { PreviewResources } from './resources';
import { readBody } from './requestBody';
import { fireTrigger } from './scheduledTriggers';
import { safeJoin, sendFile } from './staticFiles';
import { answerWebTrigger, isWebTriggerPath } from './webTriggerRoute';

/** A listening host. */
export interface HostServer {
  readonly url: string;
  close(): Promise<void>;
}

/** What the server serves. */
export interface HostDeps {
  backend: Backend;
  bundles: Bundles;
  resources: PreviewResources;
  root: string;
}

const InvokeBody = z.object({ functionKey: z.string().min(1), payload: z.unknown() });
const TriggerBody = z.object({ key: z.string().optional() });
const ClockBody = z.object({ days: z.number().int().min(1).max(30).default(1) });
const FaultBody = z.object({
  status: z.number().int().min(200).max(599).optional(),
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  count: z.number().int().min(1).max(20).default(1),
});

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const text = await readBody(req);
  return text === '' ? {} : (JSON.parse(text) as unknown);
};

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
};

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const devStatus = (backend: Backend): Record<string, unknown> => ({
  queue: { pending: backend.pump.pending(), delivered: backend.pump.delivered },
  triggers: backend.triggers.map((t) => ({ key: t.key, interval: t.interval })),
  adminApi: { url: backend.adminApiUrl, users: backend.adminApi.state.org.users.length, org: backend.adminApi.state.org.name },
  identity: backend.identity,
  clock: previewClock(backend.runtime),
});

const page = async (deps: HostDeps, res: ServerResponse): Promise<void> => {
  const errors = await deps.bundles.refreshApp();
  res.setHeader('content-type', 'text/html; charset=utf-8');
  if (errors.length > 0) {
    res.writeHead(500).end(buildErrorPage(errors));
    return;
  }
  const { identity } = deps.backend;
  const frames = Object.fromEntries([...deps.resources.frames.keys()].map((key) => [key, `/__preview/resources/${key}/index.html`]));
  res.writeHead(200).end(previewPage({
    title: 'User Management & License Optimizer — local preview',
    context: productContext(deps.backend, deps.resources.page.moduleKey),
    frames,
    banner: `${identity.name} (org admin, Jira admin) · ${deps.backend.adminApi.state.org.name}, ${String(deps.backend.adminApi.state.org.users.length)} users`,
  }));
};

/** The bridge's `invoke`: the app's resolver for the preview user; a throw is a 500 with its message, as Forge rejects. */
const invoke = async (deps: HostDeps, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const body = InvokeBody.parse(await readJson(req));
  try {
    const value = await invokeResolver(deps.backend, deps.resources.page.moduleKey, body.functionKey, body.payload);
    sendJson(res, 200, { ok: true, value: value ?? null });
  } catch (error) {
    console.error(`preview: resolver ${body.functionKey} threw:`, error);
    sendJson(res, 500, { ok: false, message: describe(error) });
  }
};

const route = async (deps: HostDeps, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const url = new URL(req.url ?? '/', 'http://preview.local');
  const path = url.pathname;
  const { backend } = deps;
  const get = req.method === 'GET';
  if (get && (path === '/' || path === '/index.html')) {
    await page(deps, res);
  } else if (get && path === '/favicon.ico') {
    res.writeHead(204).end();
  } else if (get && path.startsWith('/__preview/web/')) {
    await sendFile(res, safeJoin(deps.bundles.dir, path.slice('/__preview/web/'.length)));
  } else if (get && path.startsWith('/__preview/resources/')) {
    const [key = '', ...rest] = path.slice('/__preview/resources/'.length).split('/');
    const folder = deps.resources.frames.get(key);
    await sendFile(res, folder === undefined ? null : safeJoin(join(deps.root, folder), rest.join('/')), true);
  } else if (get && path === '/__preview/context') {
    sendJson(res, 200, productContext(backend, deps.resources.page.moduleKey));
  } else if (get && path === '/__preview/dev/status') {
    sendJson(res, 200, devStatus(backend));
  } else if (req.method === 'POST' && path === '/__preview/invoke') {
    await invoke(deps, req, res);
  } else if (get && path === '/__preview/dev/automation') {
    sendJson(res, 200, { rules: backend.automation.rules, received: backend.automation.received });
  } else if (req.method === 'POST' && path === '/__preview/dev/automation/fault') {
    const { count, ...fault } = FaultBody.parse(await readJson(req));
    backend.automation.fail(...Array.from({ length: count }, () => fault));
    sendJson(res, 200, { queued: count });
  } else if (req.method === 'POST' && path === '/__preview/dev/automation/clear') {
    backend.automation.clear();
    sendJson(res, 200, { cleared: true });
  } else if (req.method === 'POST' && path === '/__preview/dev/clock') {
    const { days } = ClockBody.parse(await readJson(req));
    sendJson(res, 200, passDays(backend, days));
  } else if (req.method === 'POST' && path === '/__preview/dev/trigger') {
    const { key } = TriggerBody.parse(await readJson(req));
    const chosen = backend.triggers.filter((t) => key === undefined || t.key === key);
    const runs = [];
    for (const trigger of chosen) runs.push(await fireTrigger(backend.runtime, trigger, backend.load));
    sendJson(res, chosen.length === 0 ? 404 : 200, { runs });
  } else if (isWebTriggerPath(path)) {
    await answerWebTrigger(backend.runtime, req, res);
  } else {
    sendJson(res, 404, { message: `Not found: ${req.method ?? ''} ${path}` });
  }
};

/** Listens on 127.0.0.1:`port` (0 = any free port). */
export const startHostServer = async (deps: HostDeps, port: number): Promise<HostServer> => {
  const server = createServer((req, res) => {
    route(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 400, { message: describe(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(address.port)}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => { resolve(); });
    }),
  };
};
