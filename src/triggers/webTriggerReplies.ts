import { z, ZodError } from 'zod';
import { isDomainError } from '../domain/model/errors';
import type { BulkJobView } from '../domain/usecases/bulk/jobView';
import { UnauthenticatedCaller } from '../domain/usecases/callers/authenticateCaller';
import type { CallerTaskAnswer } from '../domain/usecases/callers/callerTasks';
import type { CallerAnswer } from '../domain/usecases/callers/handleCallerRequest';

/** A web trigger response as Forge expects it: header values are arrays, the body a string. */
export interface WebTriggerReply {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

/** The codes a caller may see in an error answer (docs/webhooks.md, Incoming requests); never renamed once released. */
export const callerErrorCodes = [
  'UNAUTHORIZED', 'METHOD_NOT_ALLOWED', 'INVALID_BODY', 'UNKNOWN_PRODUCT', 'PRODUCT_ON_SEVERAL_SITES', 'NO_KNOWN_USERS',
  'ACTION_NOT_ALLOWED', 'JOB_NOT_FOUND', 'RATE_LIMITED', 'BUSY', 'INTERNAL', 'TASK_NOT_FOUND', 'TASK_NAME_AMBIGUOUS',
] as const;
export type CallerErrorCode = (typeof callerErrorCodes)[number];

export const reply = (statusCode: number, body: unknown, headers: Record<string, string[]> = {}): WebTriggerReply => ({
  statusCode,
  headers: { 'Content-Type': ['application/json; charset=utf-8'], 'Cache-Control': ['no-store'], ...headers },
  body: JSON.stringify(body),
});

const refusal = (statusCode: number, code: CallerErrorCode, extra: Record<string, unknown> = {}, headers: Record<string, string[]> = {}): WebTriggerReply =>
  reply(statusCode, { code, ...extra }, headers);

/** Only POST is answered. */
export const refusalForMethod = (): WebTriggerReply => refusal(405, 'METHOD_NOT_ALLOWED', {}, { Allow: ['POST'] });

const issuesSchema = z.array(z.object({ path: z.string(), message: z.string() }).loose());
const ruleCodes: Record<string, CallerErrorCode> = {
  'unknown-product': 'UNKNOWN_PRODUCT',
  'product-on-several-sites': 'PRODUCT_ON_SEVERAL_SITES',
  'no-known-users': 'NO_KNOWN_USERS',
  'task-name-ambiguous': 'TASK_NAME_AMBIGUOUS',
};

const retryAfter = (seconds: unknown): Record<string, string[]> => ({ 'Retry-After': [String(typeof seconds === 'number' ? seconds : 60)] });

/** The one place a failure becomes an answer: 401 says nothing more; nothing of the token or the stored hash is ever in one. */
export const failureReply = (error: unknown): WebTriggerReply => {
  if (error instanceof UnauthenticatedCaller) return refusal(401, 'UNAUTHORIZED', {}, { 'WWW-Authenticate': ['Bearer'] });
  if (error instanceof ZodError) {
    return refusal(400, 'INVALID_BODY', { issues: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) });
  }
  if (!isDomainError(error)) return refusal(500, 'INTERNAL');
  const details = error.details ?? {};
  switch (error.code) {
    case 'VALIDATION_FAILED': {
      const issues = issuesSchema.safeParse(details.issues);
      const code = ruleCodes[typeof details.rule === 'string' ? details.rule : ''] ?? 'INVALID_BODY';
      return refusal(400, code, { issues: issues.success ? issues.data.map((i) => ({ path: i.path, message: i.message })) : [] });
    }
    case 'FORBIDDEN':
      return refusal(403, 'ACTION_NOT_ALLOWED');
    case 'NOT_FOUND':
      return refusal(404, details.rule === 'unknown-task' ? 'TASK_NOT_FOUND' : 'JOB_NOT_FOUND');
    case 'RATE_LIMITED':
      return refusal(429, 'RATE_LIMITED', {}, retryAfter(details.retryAfterSeconds));
    case 'LOCK_HELD':
      return refusal(409, 'BUSY', {}, retryAfter(60));
    default:
      return refusal(500, 'INTERNAL');
  }
};

const jobFacts = (job: BulkJobView) => ({
  jobId: job.jobId,
  status: job.status,
  action: job.action,
  total: job.total,
  processed: job.processed,
  succeeded: job.succeeded,
  failed: job.failed,
  skipped: job.skipped,
  createdAt: job.createdAt.toISOString(),
  updatedAt: job.updatedAt.toISOString(),
});

/** 202 with a task's run as it started; 200 with a task's dry run: counts, and the first users it would change. */
const taskReply = (answer: CallerTaskAnswer): WebTriggerReply => {
  const task = { taskId: answer.task.id, taskName: answer.task.name };
  if (answer.kind === 'task-dry-run') {
    const { total, willChange, skipped, byMethod, skippedByReason } = answer.summary;
    return reply(200, { ...task, total, willChange, skipped, byMethod, skippedByReason, users: answer.willChange, truncated: answer.truncated });
  }
  const { run } = answer;
  return reply(202, { ...task, runId: run.id, status: run.status, reason: run.reason, startedAt: run.startedAt.toISOString() });
};

/** 202 with the queued job and the users not found; 200 with a job's progress and per-user results; a task's answer. */
export const answerReply = (answer: CallerAnswer): WebTriggerReply => {
  if (answer.kind === 'task-started' || answer.kind === 'task-dry-run') return taskReply(answer);
  if (answer.kind === 'started') return reply(202, { ...jobFacts(answer.job), notFound: answer.notFound });
  const results = answer.results.map((r) => ({ accountId: r.accountId, email: r.email, outcome: r.outcome, reason: r.reason }));
  return reply(200, { ...jobFacts(answer.job), results });
};
