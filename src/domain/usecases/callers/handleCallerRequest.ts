import type { Caller } from '../../model/caller';
import { DomainError } from '../../model/errors';
import type { BulkAction } from '../../policy/actionEligibility';
import { foldEmail } from '../../policy/protectedEmails';
import type { CallerRepository, CallerTokens, RequestCounter } from '../../ports/callerRepository';
import type { ProductRepository } from '../../ports/productRepository';
import type { UserLookup } from '../../ports/userLookup';
import { bulkResults, type BulkResultView } from '../bulk/bulkStatus';
import type { JobDeps } from '../bulk/deps';
import { toBulkJobView, type BulkJobView } from '../bulk/jobView';
import { startBulk } from '../bulk/startBulk';
import { authenticateCaller } from './authenticateCaller';
import type { TaskRunnerDeps } from '../tasks/runnerDeps';
import { dryRunTaskForCaller, runTaskForCaller, type CallerTaskAnswer } from './callerTasks';
import { callerRequestSchema, MAX_USERS_PER_REQUEST, type CallerRequest } from './callerRequestSchema';

/** Requests one caller may make per minute; more are refused with RATE_LIMITED until the next minute. */
export const CALLER_REQUESTS_PER_MINUTE = 30;

/** What answering a caller needs: the bulk-action job machinery, the callers, users found by email, the tasks. */
export interface CallerRequestDeps extends JobDeps {
  callers: CallerRepository;
  /** The task runner's stores and adapters: a caller's task run or dry run (S10 + T2, T3). */
  automatedTasks: TaskRunnerDeps;
  tokens: CallerTokens;
  counter: RequestCounter;
  lookup: UserLookup;
  products: Pick<ProductRepository, 'list'>;
  requestsPerMinute?: number;
}

/** The answer: a job started (with the names it did not find), the status of one of the caller's jobs, or a task's run or dry run. */
export type CallerAnswer =
  | { kind: 'started'; job: BulkJobView; notFound: string[] }
  | { kind: 'status'; job: BulkJobView; results: BulkResultView[] }
  | CallerTaskAnswer;

/** A request that is well-formed but names what the org does not have; `rule` is its stable code. */
const invalid = (path: string, rule: 'unknown-product' | 'product-on-several-sites' | 'no-known-users'): DomainError =>
  new DomainError('VALIDATION_FAILED', `Invalid request: ${rule}`, { rule, issues: [{ path, message: rule }] });

const checkRate = async (caller: Caller, deps: CallerRequestDeps): Promise<void> => {
  const now = deps.clock.now();
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const count = await deps.counter.hit(caller.id, windowStart);
  if (count > (deps.requestsPerMinute ?? CALLER_REQUESTS_PER_MINUTE)) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
    throw new DomainError('RATE_LIMITED', 'Too many requests from this caller', { retryAfterSeconds });
  }
};

/** The product on the org's one site that has it, or the named site's; VALIDATION_FAILED otherwise. */
const productAction = async (
  type: 'revoke-product' | 'assign-product',
  productKey: string,
  resourceId: string | undefined,
  deps: CallerRequestDeps,
): Promise<BulkAction> => {
  const sites = (await deps.products.list()).filter((p) => p.key === productKey && (resourceId === undefined || p.resourceId === resourceId));
  const [only] = sites;
  if (only === undefined) throw invalid('productKey', 'unknown-product');
  if (sites.length > 1) throw invalid('resourceId', 'product-on-several-sites');
  return { type, productKey, resourceId: only.resourceId };
};

/** The named users' account IDs in request order (emails matched as the whitelist folds them), and the names not found. */
const findUsers = async (refs: readonly string[], deps: CallerRequestDeps): Promise<{ accountIds: string[]; notFound: string[] }> => {
  const emails = refs.filter((r) => r.includes('@'));
  const byEmail = new Map((await deps.lookup.findByEmails(emails)).flatMap((u) => (u.email === null ? [] : [[foldEmail(u.email), u.accountId] as const])));
  const ids = refs.map((r) => (r.includes('@') ? (byEmail.get(foldEmail(r)) ?? null) : r));
  const known = new Set((await deps.users.getMany(ids.flatMap((id) => id ?? []))).map((u) => u.accountId));
  const accountIds = [...new Set(ids.flatMap((id) => (id !== null && known.has(id) ? [id] : [])))];
  const notFound = refs.filter((_, i) => { const id = ids[i]; return id === null || id === undefined || !known.has(id); });
  return { accountIds, notFound };
};

type BulkRequest = Extract<CallerRequest, { users: string[] }>;

const start = async (caller: Caller, request: BulkRequest, deps: CallerRequestDeps): Promise<CallerAnswer> => {
  const action: BulkAction =
    request.action === 'revoke-product' || request.action === 'assign-product'
      ? await productAction(request.action, request.productKey, request.resourceId, deps)
      : { type: request.action };
  const { accountIds, notFound } = await findUsers(request.users, deps);
  if (accountIds.length === 0) throw invalid('users', 'no-known-users');
  const job = await startBulk({ action, selection: { kind: 'accounts', accountIds } }, { kind: 'caller', callerId: caller.id }, deps);
  return { kind: 'started', job, notFound };
};

const status = async (caller: Caller, jobId: string, deps: CallerRequestDeps): Promise<CallerAnswer> => {
  const job = await deps.jobs.get(jobId);
  const own = job?.spec.kind === 'bulk-action' && job.spec.actor.kind === 'caller' && job.spec.actor.callerId === caller.id;
  if (job === null || !own) throw new DomainError('NOT_FOUND', 'No such job of this caller', { jobId });
  const page = await bulkResults({ jobId, limit: MAX_USERS_PER_REQUEST, after: null }, deps);
  return { kind: 'status', job: toBulkJobView(job), results: page.items };
};

/**
 * S10: one request of a caller to the web trigger. The token first (UnauthenticatedCaller), then the caller's
 * requests per minute (RATE_LIMITED), then the body (VALIDATION_FAILED) and whether the caller may ask for that
 * action (FORBIDDEN). An action is planned and run exactly as an admin's bulk action over the named users, audited
 * with the caller as actor; the answer is the queued job. A job's status is told only to the caller that started it.
 * A task's run is started as the admin's Run now would (its outcome reaches the `task-*` webhooks); a dry run
 * changes nothing.
 */
export const handleCallerRequest = async (token: string | null, body: unknown, deps: CallerRequestDeps): Promise<CallerAnswer> => {
  const caller = await authenticateCaller(token, deps);
  await checkRate(caller, deps);
  await deps.callers.markUsed(caller.id, deps.clock.now());
  const request = callerRequestSchema.parse(body);
  if (!caller.actions.includes(request.action)) {
    throw new DomainError('FORBIDDEN', 'This caller may not ask for that action', { action: request.action });
  }
  switch (request.action) {
    case 'job-status':
      return status(caller, request.jobId, deps);
    case 'task-run':
      return runTaskForCaller(caller, request.task, deps.automatedTasks);
    case 'task-dry-run':
      return dryRunTaskForCaller(request.task, deps.automatedTasks);
    default:
      return start(caller, request, deps);
  }
};
