import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type Outcome, type Pipeline } from './pipeline';

/** The node:http request listener: reads the body, dispatches, waits out the delay and any hold, writes the answer. */
export function listener(pipeline: Pipeline): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const outcome = dispatch(pipeline, {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = (): void => {
        void pipeline.released().then(() => {
          write(res, outcome);
        });
      };
      if (outcome.delayMs > 0) setTimeout(answer, outcome.delayMs);
      else answer();
    });
  };
}

function write(res: ServerResponse, o: Outcome): void {
  if (o.destroy) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(o.status, o.headers);
  res.end(o.body);
}
