import type { IncomingMessage } from 'node:http';

/** Most a request to the preview host may carry. */
const MAX_BODY = 5 * 1024 * 1024;

/** A request's body as UTF-8 text; throws beyond 5 MiB. */
export const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};
