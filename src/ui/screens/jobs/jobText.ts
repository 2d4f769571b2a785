import type { JobListItemDto } from '../../../contract';
import type { ProductChoice } from '../../hooks/useProducts';
import type { Locale } from '../../i18n/LocaleContext';
import { actionLabel } from '../bulk/actionLabel';

/** Hook-free words for one job of the Jobs view (usable inside table cells). */

export const jobIdOf = (item: JobListItemDto): string => (item.kind === 'sync' ? item.runId : item.jobId);

export const isActive = (item: JobListItemDto): boolean => item.status === 'queued' || item.status === 'running';

export const startedAtOf = (item: JobListItemDto): string => (item.kind === 'sync' ? item.startedAt : item.createdAt);

/** "Deactivate", "Revoke access to Jira", or "Sync: All users, All groups". */
export const jobTitle = (item: JobListItemDto, products: readonly ProductChoice[], locale: Pick<Locale, 't'>): string => {
  if (item.kind === 'bulk-action') {
    const action = actionLabel(item.action, products, locale);
    return (item.revertsJobId ?? null) === null ? action : locale.t('revert.jobTitle', { action });
  }
  const types = item.dataTypes.map((type) => locale.t(`settings.manualSync.types.${type}`)).join(', ');
  return locale.t('jobs.syncTitle', { types });
};

/** The admin's (caller's, task's) name for a bulk action; how it was started for a sync (the daily schedule, a manual sync, a task). */
export const startedBy = (item: JobListItemDto, { t }: Pick<Locale, 't'>): string => {
  if (item.kind === 'sync') return item.createdByName ?? t(`jobs.startedBy.${item.trigger}`);
  const task = item.startedByTask ?? null;
  if (task !== null) return task.name === null ? t('taskRuns.jobs.deletedTask') : t('taskRuns.jobs.startedByTask', { name: task.name });
  const caller = item.startedByCaller ?? null;
  if (caller !== null) return caller.name === null ? t('callers.actorUnknown') : t('callers.actor', { name: caller.name });
  return item.createdByName ?? t('jobs.startedBy.unknownAdmin');
};

export const progressText = (item: JobListItemDto, { t, fmt }: Pick<Locale, 't' | 'fmt'>): string => {
  if (item.kind === 'sync') {
    return item.estimatedTotal === null
      ? t('settings.manualSync.processed', { processed: fmt.number(item.processed) })
      : t('settings.manualSync.processedOf', { processed: fmt.number(item.processed), total: fmt.number(item.estimatedTotal) });
  }
  const counts = { processed: item.processed, total: item.total, succeeded: item.succeeded, failed: item.failed, skipped: item.skipped };
  return t('bulk.job.progress', Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, fmt.number(n)])));
};

export const statusAppearance = {
  queued: 'inprogress',
  running: 'inprogress',
  succeeded: 'success',
  'partially-failed': 'moved',
  failed: 'removed',
  cancelled: 'default',
} as const;
