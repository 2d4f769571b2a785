// Composition root: builds the adapters and exports the handlers named in manifest.yml.
import Resolver from '@forge/resolver';
import { buildResolvers } from './adapters/resolvers';
import { buildJobsConsumerDeps, buildResolverDeps, buildSyncDeps } from './composition';
import { consumeJobEvent } from './triggers/jobsConsumer';
import { consumeSyncEvent, runHourlyTick } from './triggers/syncTriggers';

const resolver = new Resolver();
for (const [key, run] of Object.entries(buildResolvers(buildResolverDeps()))) {
  resolver.define(key, ({ payload, context }) => {
    const accountId: unknown = context.accountId;
    return run({ payload, context: { accountId: typeof accountId === 'string' ? accountId : undefined } });
  });
}

/** The admin page's resolver (manifest function `resolver`). */
export const handler = resolver.getDefinitions();

const jobsDeps = buildJobsConsumerDeps();
/** The `ulo-jobs` queue consumer (manifest function `jobs-consumer`): bulk-action slices. */
export const jobsConsumer = (event: unknown): ReturnType<typeof consumeJobEvent> => consumeJobEvent(event, jobsDeps);

const syncDeps = buildSyncDeps();
/** The hourly scheduled trigger (manifest function `hourly-tick`): daily sync slot, resumes, key notice. */
export const hourlyTick = async (): Promise<void> => {
  await runHourlyTick(syncDeps);
};
/** The `ulo-sync` queue consumer (manifest function `sync-consumer`): one sync slice per event. */
export const syncConsumer = (event: unknown): ReturnType<typeof consumeSyncEvent> => consumeSyncEvent(event, syncDeps);
