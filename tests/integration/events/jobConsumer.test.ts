/**
 * The one queue consumer (src/triggers/jobConsumer.ts) on the local runtime over real SQL: each job kind reaches
 * its own handler through the handler table; an event that is not a job message is dropped; a failure that escapes
 * a handler asks the platform for a retry.
 */
import { useForgeRuntime } from '../../support/forgeRuntime';
import { InvocationErrorCode, type InvocationError } from '@forge/events';
import { quietLogs } from '../sync/support/quietLogs';
import { buildJobsConsumerDeps, buildSyncDeps, buildTaskRunnerDeps, buildWebhookDeps } from '../../../src/composition';
import type { JobMessage } from '../../../src/domain/ports/jobQueue';
import { consumeJobEvent } from '../../../src/triggers/jobConsumer';
import type { ConsumerDeps } from '../../../src/triggers/jobHandlers';

jest.setTimeout(60_000);
const rt = useForgeRuntime();
const logs = quietLogs();

let deps: ConsumerDeps;
let runsRead: jest.SpiedFunction<ConsumerDeps['sync']['runs']['get']>;
let jobsRead: jest.SpiedFunction<ConsumerDeps['bulk']['jobs']['get']>;
beforeEach(() => {
  deps = { sync: buildSyncDeps(), bulk: buildJobsConsumerDeps(), webhooks: buildWebhookDeps(), tasks: buildTaskRunnerDeps() };
  runsRead = jest.spyOn(deps.sync.runs, 'get');
  jobsRead = jest.spyOn(deps.bulk.jobs, 'get');
  logs.lines.length = 0;
});

const deliver = (body: unknown): Promise<InvocationError | undefined> =>
  rt.runtime.invoke({ functionKey: 'jobs-consumer', timeoutMs: 900_000 }, () => consumeJobEvent({ body }, deps));

it.each<[JobMessage, string]>([
  [{ kind: 'sync', runId: 'run-1', slice: 0 }, 'job-consumer: sync run run-1 slice 0: ignored (no-run)'],
  [{ kind: 'sync-activity', runId: 'run-1', slice: 3 }, 'job-consumer: sync run run-1 activity slice 3: ignored (no-run)'],
])('a %o message reaches the sync handler', async (message, line) => {
  await expect(deliver(message)).resolves.toBeUndefined();
  expect(runsRead.mock.calls).toEqual([['run-1']]);
  expect(jobsRead).not.toHaveBeenCalled();
  expect(logs.lines).toEqual([`log: ${line}`]);
});

it('a revert message reaches the revert handler (B5)', async () => {
  await expect(deliver({ kind: 'revert', jobId: 'job-8', slice: 1 })).resolves.toBeUndefined();
  expect(jobsRead.mock.calls).toEqual([['job-8']]);
  expect(logs.lines).toEqual(['log: job-consumer: revert job job-8 slice 1: ignored (no-job)']);
});

it('a bulk-action message reaches the bulk handler', async () => {
  await expect(deliver({ kind: 'bulk-action', jobId: 'job-9', slice: 2 })).resolves.toBeUndefined();
  expect(jobsRead.mock.calls).toEqual([['job-9']]);
  expect(runsRead).not.toHaveBeenCalled();
  expect(logs.lines).toEqual(['log: job-consumer: bulk job job-9 slice 2: ignored (no-job)']);
});

it('a task-run message reaches the task runner', async () => {
  const taskRunsRead = jest.spyOn(deps.tasks.tasks, 'getRun');
  await expect(deliver({ kind: 'task-run', taskId: 't-1', runId: 'r-1', slice: 0 })).resolves.toBeUndefined();
  expect(taskRunsRead.mock.calls).toEqual([['r-1']]);
  expect(runsRead).not.toHaveBeenCalled();
  expect(jobsRead).not.toHaveBeenCalled();
  expect(logs.lines).toEqual(['log: job-consumer: task t-1 run r-1 slice 0: ignored (no-run)']);
});

it.each([
  ['an unknown kind', { kind: 'undo', jobId: 'job-1', slice: 0 }],
  ['a kind with the wrong fields', { kind: 'bulk-action', runId: 'run-1', slice: 0 }],
  ['no body', null],
])('%s is dropped without a retry and reaches no handler', async (_name, body) => {
  await expect(deliver(body)).resolves.toBeUndefined();
  expect(runsRead).not.toHaveBeenCalled();
  expect(jobsRead).not.toHaveBeenCalled();
  expect(logs.lines).toEqual(['warn: job-consumer: dropped a malformed event']);
});

it('a failure that escapes a handler asks the platform to deliver the event again', async () => {
  jobsRead.mockRejectedValueOnce(new Error('SQL unavailable'));
  const outcome = await deliver({ kind: 'bulk-action', jobId: 'job-3', slice: 1 });
  expect(outcome).toMatchObject({ retryOptions: { retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST } });
  expect(logs.lines).toEqual(['error: job-consumer: bulk job job-3 slice 1 failed: INTERNAL; asking for a retry']);
});
