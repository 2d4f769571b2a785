/**
 * The app's web triggers on the preview host: `/x1/<id>` answers as Forge's web trigger URLs do, so a person can
 * call the callers' trigger with curl (the URL is in Settings → Incoming requests, and printed at start).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ForgeRuntime } from '../forge-runtime';
import { readBody } from './requestBody';

/** Whether a path is a web trigger's. */
export const isWebTriggerPath = (path: string): boolean => path.startsWith('/x1/');

/** Runs the trigger the path names through the runtime and writes its answer. */
export const answerWebTrigger = async (runtime: ForgeRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const answer = await runtime.webTriggers.call({
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: req.headersDistinct,
    body: await readBody(req),
  });
  for (const [name, values] of Object.entries(answer.headers)) res.setHeader(name, values);
  res.writeHead(answer.status).end(answer.body);
};
