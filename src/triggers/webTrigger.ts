import { z } from 'zod';
import { ensureSchema } from '../adapters/forge-sql/schema/migrations';
import { handleCallerRequest, type CallerRequestDeps } from '../domain/usecases/callers/handleCallerRequest';
import { answerReply, failureReply, refusalForMethod, type WebTriggerReply } from './webTriggerReplies';

/** The request Forge hands a web trigger's function: header names as sent (lower-case in practice), values as arrays. */
const webTriggerRequestSchema = z
  .object({
    method: z.string(),
    headers: z.record(z.string(), z.array(z.string())).default({}),
    body: z.string().optional(),
  })
  .loose();

/** The token of `Authorization: Bearer <token>`, whatever the header name's case; null when absent. */
const bearerToken = (headers: Record<string, string[]>): string | null => {
  const values = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? [];
  const match = /^Bearer\s+(\S+)\s*$/i.exec(values[0] ?? '');
  return match?.[1] ?? null;
};

const jsonOrUndefined = (body: string | undefined): unknown => {
  try {
    return body === undefined || body === '' ? undefined : (JSON.parse(body) as unknown);
  } catch {
    return undefined;
  }
};

const codeOf = (reply: WebTriggerReply): string => (z.object({ code: z.string() }).safeParse(jsonOrUndefined(reply.body)).data?.code ?? '');

/**
 * The callers' web trigger (S10, function `callers-webtrigger`): `POST` with `Authorization: Bearer <token>` and a
 * JSON body (docs/webhooks.md, Incoming requests). Never throws: every outcome is an answer with a stable code, and the log
 * line holds the status and code only — never the token, the body or the users named.
 */
export const answerCaller = async (event: unknown, deps: CallerRequestDeps): Promise<WebTriggerReply> => {
  const request = webTriggerRequestSchema.safeParse(event);
  let answer: WebTriggerReply;
  if (!request.success || request.data.method.toUpperCase() !== 'POST') {
    answer = refusalForMethod();
  } else {
    try {
      await ensureSchema();
      answer = answerReply(await handleCallerRequest(bearerToken(request.data.headers), jsonOrUndefined(request.data.body), deps));
    } catch (error) {
      answer = failureReply(error);
    }
  }
  const line = `callers-webtrigger: ${String(answer.statusCode)} ${codeOf(answer)}`.trim();
  if (answer.statusCode >= 500) console.error(line);
  else console.log(line);
  return answer;
};
