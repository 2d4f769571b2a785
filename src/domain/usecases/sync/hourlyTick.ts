import type { AuditActor } from '../../model/audit';
import { isDomainError } from '../../model/errors';
import { dueSlotStart } from '../../policy/timeSlot';
import type { SettingsStore } from '../../ports/settingsStore';
import { healStalledJobs, type HealDeps } from '../bulk/healStalledJobs';
import { sendApiKeyNoticeIfDue, type ApiKeyNoticeDeps, type ApiKeyNoticeResult } from './apiKeyNotice';
import { healDeliveries, type HealDeliveriesDeps } from '../webhooks/healDeliveries';
import type { StartSyncDeps } from './deps';
import { needsResume, resumeSync } from './runLifecycle';
import { startSync } from './runLifecycle';

/** The seam for automated tasks (a later issue): starts the tasks due at `now`, returns how many it started. */
export interface DueTaskStarter {
  startDue(now: Date): Promise<number>;
}

/** What the hourly tick needs: starting and resuming syncs, the API key notice, the settings, the tasks seam and the jobs it heals. */
export type HourlyTickDeps = StartSyncDeps &
  ApiKeyNoticeDeps & { settings: SettingsStore; tasks?: DueTaskStarter; jobs: HealDeps['jobs']; deliveries?: HealDeliveriesDeps['deliveries'] };

export type SyncTickAction = 'started' | 'resumed' | 'running' | 'not-due' | 'no-api-key';

/** What one tick did, part by part (the trigger logs it). */
export interface HourlyTickSummary {
  sync: { action: SyncTickAction | 'error'; runId: string | null; slotStart: Date | null; error?: string };
  apiKeyNotice: ApiKeyNoticeResult | 'error';
  /** Tasks started; null without the tasks seam, -1 when starting them failed. */
  tasksStarted: number | null;
  /** Stalled bulk jobs whose continuation was pushed again; -1 when healing failed. */
  jobsHealed: number;
  /** Stalled webhook deliveries pushed again; null without the delivery log, -1 when healing failed. */
  deliveriesHealed?: number | null;
}

const SYSTEM: AuditActor = { kind: 'system' };
const codeOf = (error: unknown): string => (isDomainError(error) ? error.code : 'INTERNAL');

const tickSync = async (deps: HourlyTickDeps, now: Date): Promise<HourlyTickSummary['sync']> => {
  const latest = await deps.runs.latest();
  if (latest?.status === 'running') {
    if (!needsResume(latest, now)) return { action: 'running', runId: latest.id, slotStart: null };
    await resumeSync(latest, deps);
    return { action: 'resumed', runId: latest.id, slotStart: null };
  }
  const { hour, timeZone } = (await deps.settings.load()).sync;
  const lastScheduled = latest?.trigger === 'schedule' ? latest : await deps.runs.latestScheduled();
  // A tick running beside this one started the slot's run after `latest` was read.
  if (lastScheduled?.status === 'running') return { action: 'running', runId: lastScheduled.id, slotStart: null };
  const slotStart = dueSlotStart({ hour, timeZone }, now, lastScheduled?.startedAt ?? null);
  if (slotStart === null) return { action: 'not-due', runId: null, slotStart: null };
  try {
    const run = await startSync({ trigger: 'schedule', actor: SYSTEM }, deps);
    return { action: 'started', runId: run.id, slotStart };
  } catch (error) {
    // Still due on the next tick (within the catch-up window): nothing is remembered.
    if (codeOf(error) === 'LOCK_HELD') return { action: 'running', runId: null, slotStart };
    if (codeOf(error) === 'API_KEY_MISSING') return { action: 'no-api-key', runId: null, slotStart };
    throw error;
  }
};

/**
 * The hourly scheduled trigger's work (ARCHITECTURE §2.2). Resumes a parked or stalled sync; starts the scheduled
 * sync when the daily slot (site time zone, FEATURES S4) is due — a duplicate tick finds the lock or the scheduled
 * run in the job history and does nothing; sends the 7-day API key notice once; then the automated tasks seam; then heals stalled
 * bulk jobs and webhook deliveries. Never throws (the
 * platform does not retry a failed tick): each part reports its own error in the summary.
 */
export const hourlyTick = async (deps: HourlyTickDeps): Promise<HourlyTickSummary> => {
  const now = deps.clock.now();
  const sync = await tickSync(deps, now).catch((error: unknown) => ({
    action: 'error' as const,
    runId: null,
    slotStart: null,
    error: codeOf(error),
  }));
  const apiKeyNotice = await sendApiKeyNoticeIfDue(deps, now).catch(() => 'error' as const);
  const tasksStarted = deps.tasks === undefined ? null : await deps.tasks.startDue(now).catch(() => -1);
  const healed = await healStalledJobs({ jobs: deps.jobs, queue: deps.queue, clock: deps.clock }).catch(() => null);
  const { deliveries } = deps;
  const deliveriesHealed = deliveries === undefined ? null : await healDeliveries({ deliveries, queue: deps.queue, clock: deps.clock }).catch(() => -1);
  return { sync, apiKeyNotice, tasksStarted, jobsHealed: healed?.length ?? -1, ...(deliveries === undefined ? {} : { deliveriesHealed }) };
};
