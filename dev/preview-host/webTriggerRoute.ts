/**
 * The app's web triggers on the preview host: `/x1/<id>` answers as Forge's web trigger URLs do, so a person can
 * call the callers' trigger with curl (the URL is in Settings → Incoming requests, and printed at start).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ForgeRuntime } from '../forge-runtime';

/** Forge's request size bound for a function invocation is not simulated; this only keeps the host safe. */
const MAX_BODY = 5 * 1024 * 1024;

const readText = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** Whether a path is a web trigger's. */
export const isWebTriggerPath = (path: string): boolean => path.startsWith('/x1/');

/** Runs the trigger the path names through the runtime and writes its answer. */
export const answerWebTrigger = async (runtime: ForgeRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const answer = await runtime.webTriggers.call({
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: req.headersDistinct,
    body: await readText(req),
  });
  for (const [name, values] of Object.entries(answer.headers)) res.setHeader(name, values);
  res.writeHead(answer.status).end(answer.body);
};
