// Composition root: builds the adapters and exports the handlers named in manifest.yml.
import Resolver from '@forge/resolver';
import { buildResolvers } from './adapters/resolvers';
import { buildCallerRequestDeps, buildJobsConsumerDeps, buildResolverDeps, buildSyncDeps, buildTaskRunnerDeps, buildWebhookDeps } from './composition';
import { startDueTasks } from './domain/usecases/tasks/run/startDueTasks';
import type { ConsumerDeps } from './triggers/jobHandlers';
import { consumeJobEvent } from './triggers/jobConsumer';
import { runHourlyTick } from './triggers/hourlyTrigger';
import { answerCaller } from './triggers/webTrigger';

const resolver = new Resolver();
for (const [key, run] of Object.entries(buildResolvers(buildResolverDeps()))) {
  resolver.define(key, ({ payload, context }) => {
    const accountId: unknown = context.accountId;
    return run({ payload, context: { accountId: typeof accountId === 'string' ? accountId : undefined } });
  });
}

/** The admin page's resolver (manifest function `resolver`). */
export const handler = resolver.getDefinitions();

const syncDeps = buildSyncDeps();
const taskDeps = buildTaskRunnerDeps();
const consumerDeps: ConsumerDeps = { sync: syncDeps, bulk: buildJobsConsumerDeps(), webhooks: buildWebhookDeps(), tasks: taskDeps };
/** The queue consumer of every job kind: one slice per event, dispatched by the message's kind. */
const consume = (event: unknown): ReturnType<typeof consumeJobEvent> => consumeJobEvent(event, consumerDeps);
/** The `ulo-jobs` queue consumer (manifest function `jobs-consumer`): bulk-action and task-run slices, webhook deliveries. */
export const jobsConsumer = consume;
/** The `ulo-sync` queue consumer (manifest function `sync-consumer`): sync slices, kept off the bulk queue. */
export const syncConsumer = consume;

/** The hourly scheduled trigger (manifest function `hourly-tick`): daily sync slot, resumes, key notice, due tasks, healing. */
export const hourlyTick = async (): Promise<void> => {
  await runHourlyTick({ ...syncDeps, tasks: startDueTasks(taskDeps) });
};

const callerDeps = buildCallerRequestDeps();
/** The callers' web trigger (manifest function `callers-webtrigger`, S10): automations acting on named users. */
export const callersWebTrigger = (request: unknown): ReturnType<typeof answerCaller> => answerCaller(request, callerDeps);
