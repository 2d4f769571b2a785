import { skipReasons, type DryRunItemDto, type ProposalDto, type TaskRunDto } from '../../../../contract';
import type { ProductChoice } from '../../../hooks/useProducts';
import type { Locale } from '../../../i18n/LocaleContext';
import { productNames } from '../../../components/productNames';

/** Hook-free words for a task's dry run, runs and proposals (usable inside table cells). */

const bulkReasons = new Set<string>(skipReasons);
/** The words of a task's skip reason: the bulk plan's for its checks (`bulk.reasons`), the runner's for the task's own. */
export const taskSkipReasonKey = (reason: string): string => (bulkReasons.has(reason) ? `bulk.reasons.${reason}` : `taskRunner.reasons.${reason}`);

/** Why the rule picked a user: "inactive 45 days", "never active", "3rd to lose a seat". */
const matchText = (item: DryRunItemDto, { t, fmt }: Pick<Locale, 't' | 'fmt'>): string | null => {
  if (item.seatRank !== null) return t('taskRuns.match.seatRank', { rank: fmt.number(item.seatRank) });
  if (item.inactiveDays !== null) return t('taskRuns.match.inactiveDays', { count: item.inactiveDays, formatted: fmt.number(item.inactiveDays) });
  return item.state === null ? null : t('taskRuns.match.state', { state: t(`states.${item.state}`) });
};

/** The dry run's "How or why" for one user: the change (with the groups it removes the user from) or the skip reason. */
export const dryRunWhy = (item: DryRunItemDto, locale: Pick<Locale, 't' | 'fmt'>): string => {
  const { t, fmt } = locale;
  const groups = item.groups.join(', ');
  const parts: string[] = [];
  if (item.decision === 'will-change') {
    parts.push(item.methods.map((m) => (m === 'group-remove' && groups !== '' ? t('taskRuns.removeFromGroups', { groups }) : t(`taskRuns.methods.${m}`))).join('; '));
  } else if (item.reason === 'within-notice' && item.noticeUntil !== null) {
    parts.push(t(item.noticeNow ? 'taskRuns.noticeFrom' : 'taskRuns.noticeUntil', { date: fmt.dateTime(item.noticeUntil) }));
  } else if (item.reason === 'idp-synced-group' && groups !== '') {
    parts.push(t('taskRuns.idpGroups', { groups }));
  } else if (item.reason !== null) {
    parts.push(t(taskSkipReasonKey(item.reason)));
  }
  const match = matchText(item, locale);
  return match === null ? parts.join(' ') : `${parts.join(' ')} (${match})`;
};

export const runStatusAppearance = {
  running: 'inprogress',
  succeeded: 'success',
  'partially-failed': 'moved',
  failed: 'removed',
  skipped: 'default',
  proposed: 'new',
} as const;

/** "2 changed, 0 failed, 5 skipped, 1 announced". */
export const runCountsText = (run: TaskRunDto, { t, fmt }: Pick<Locale, 't' | 'fmt'>): string =>
  t('taskRuns.runs.counts', Object.fromEntries(Object.entries(run.counts).map(([k, n]) => [k, fmt.number(n)])));

/** "Deactivate" or "Revoke access to Jira, Confluence" (products by name). */
export const changeText = (change: ProposalDto['change'], products: readonly ProductChoice[], { t }: Pick<Locale, 't'>): string => {
  if (change.type === 'deactivate') return t('taskRuns.changes.deactivate');
  const names = productNames(products, { t });
  return t('taskRuns.changes.revoke', { products: change.products.map((p) => names.labelOf(p.productKey, p.resourceId, p.productKey)).join(', ') });
};
