import { ensureSchema } from '../adapters/forge-sql/schema/migrations';
import { isDomainError } from '../domain/model/errors';
import { hourlyTick, type HourlyTickDeps, type HourlyTickSummary } from '../domain/usecases/sync/hourlyTick';

const codeOf = (error: unknown): string => (isDomainError(error) ? error.code : 'INTERNAL');

/**
 * The hourly scheduled trigger (function `hourly-tick`): applies pending migrations, then runs the tick (resume a
 * parked or stalled sync, start the daily sync when its slot is due, the API key notice, healing jobs and webhook
 * deliveries). Never throws — the
 * platform does not retry a failed tick, the next one simply comes an hour later. Returns the summary it logged,
 * or null when the tick could not run at all.
 */
export const runHourlyTick = async (deps: HourlyTickDeps): Promise<HourlyTickSummary | null> => {
  try {
    await ensureSchema();
    const summary = await hourlyTick(deps);
    const { sync } = summary;
    console.log(
      `hourly-tick: sync ${sync.action}${sync.runId === null ? '' : ` (run ${sync.runId})`}` +
        `${sync.error === undefined ? '' : ` ${sync.error}`}, api key notice ${summary.apiKeyNotice}, tasks started ${String(summary.tasksStarted ?? 'none')}` +
        `, jobs healed ${String(summary.jobsHealed)}` +
        (summary.deliveriesHealed === undefined || summary.deliveriesHealed === null ? '' : `, webhook deliveries healed ${String(summary.deliveriesHealed)}`),
    );
    return summary;
  } catch (error) {
    console.error(`hourly-tick: failed: ${codeOf(error)}`);
    return null;
  }
};
