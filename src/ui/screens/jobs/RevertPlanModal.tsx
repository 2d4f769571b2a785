import React from 'react';
import type { Failure, RevertPlanDto, RevertPlanItemDto } from '../../../contract';
import { Note } from '../../components/LoadView';
import { countEntries, PlanModal } from '../../components/PlanModal';
import { useLocale, type Locale } from '../../i18n/LocaleContext';

/** "Add back to group jira-users", or the method's or reason's own words. */
const itemText = (item: RevertPlanItemDto, { t }: Pick<Locale, 't'>): string => {
  const groups = item.groups.join(', ');
  const count = item.groups.length;
  if (item.method === 'group-add' && count > 0) return t('revert.planItems.addToGroups', { groups, count });
  if (item.method === 'group-remove' && count > 0) return t('bulk.planItems.removeFromGroups', { groups, count });
  if (item.reason === 'idp-synced-group' && count > 0) return t('revert.planItems.idpGroups', { groups, count });
  if (item.reason === 'group-deleted' && count > 0) return t('revert.planItems.groupDeleted', { groups, count });
  return t(item.messageKey);
};

/**
 * B5: the plan of a revert before anything happens, like a bulk action's — who is restored and how, who is skipped
 * and why, read live from the directory — then Revert (revert.start) or Cancel.
 */
export const RevertPlanModal = (props: {
  plan: RevertPlanDto;
  jobName: string;
  starting: boolean;
  error: Failure | null;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const { summary, items, total } = props.plan;
  const n = (count: number): string => fmt.number(count);
  const reasonWords = (reason: string): string => t(items.find((i) => i.reason === reason)?.messageKey ?? `bulk.reasons.${reason}`);
  return (
    <PlanModal
      title={t('revert.plan.title', { job: props.jobName, count: total, formatted: n(total) })}
      counts={[
        {
          text: t('revert.plan.willChange', { count: summary.willChange, formatted: n(summary.willChange) }),
          lines: countEntries(summary.byMethod).map(([method, count]) => ({ key: method, text: t('bulk.plan.byMethod', { method: t(`revert.methods.${method}`), count: n(count) }) })),
        },
        {
          text: t('revert.plan.skipped', { count: summary.skipped, formatted: n(summary.skipped) }),
          lines: countEntries(summary.skippedByReason).map(([reason, count]) => ({ key: reason, text: t('bulk.plan.byReason', { reason: reasonWords(reason), count: n(count) }) })),
        },
      ]}
      rows={items.map((item) => ({
        key: item.accountId,
        user: item.name ?? item.email ?? t('bulk.results.userLeft'),
        decision: t(`revert.plan.decisions.${item.decision}`),
        why: itemText(item, locale),
      }))}
      notes={
        <>
          {props.plan.moreItems && <Note>{t('revert.plan.moreItems', { shown: n(summary.checked), total: n(total) })}</Note>}
          <Note>{t('revert.plan.liveNote')}</Note>
        </>
      }
      error={props.error}
      confirm={{ label: t('revert.plan.confirm'), appearance: 'warning', disabled: summary.willChange === 0 && !props.plan.moreItems, starting: props.starting, onConfirm: props.onConfirm }}
      onCancel={props.onCancel}
    />
  );
};
