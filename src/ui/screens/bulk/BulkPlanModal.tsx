import React from 'react';
import type { BulkPlanDto, BulkSelectionDto, Failure } from '../../../contract';
import { Note } from '../../components/LoadView';
import { countEntries, PlanModal } from '../../components/PlanModal';
import { useLocale } from '../../i18n/LocaleContext';
import { HandoffExport } from './HandoffExport';
import { planItemText } from './planItemText';

/**
 * B2: the plan before anything happens — the action and count, what will change (for a revoke, which group or role
 * is removed) and what is skipped and why, with the hand-off list of what the identity provider owns.
 */
export const BulkPlanModal = (props: {
  plan: BulkPlanDto;
  selection: BulkSelectionDto;
  actionName: string;
  starting: boolean;
  error: Failure | null;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const { summary, items } = props.plan;
  const n = (count: number): string => fmt.number(count);
  return (
    <PlanModal
      title={t('bulk.plan.title', { action: props.actionName, count: summary.total, formatted: n(summary.total) })}
      counts={[
        {
          text: t('bulk.plan.willChange', { count: summary.willChange, formatted: n(summary.willChange) }),
          lines: countEntries(summary.byMethod).map(([method, count]) => ({ key: method, text: t('bulk.plan.byMethod', { method: t(`bulk.methods.${method}`), count: n(count) }) })),
        },
        {
          text: t('bulk.plan.skipped', { count: summary.skipped, formatted: n(summary.skipped) }),
          lines: countEntries(summary.skippedByReason).map(([reason, count]) => ({ key: reason, text: t('bulk.plan.byReason', { reason: t(`bulk.reasons.${reason}`), count: n(count) }) })),
        },
      ]}
      rows={items.map((item) => ({
        key: item.accountId,
        user: item.name ?? item.email ?? item.accountId,
        decision: t(`bulk.plan.decisions.${item.decision}`),
        why: planItemText(item, locale),
      }))}
      notes={
        <>
          {props.plan.moreItems && <Note>{t('bulk.plan.moreItems', { shown: n(items.length) })}</Note>}
          <HandoffExport plan={props.plan} selection={props.selection} />
        </>
      }
      error={props.error}
      confirm={{
        label: t('bulk.plan.confirm', { action: props.actionName, count: summary.willChange, formatted: n(summary.willChange) }),
        appearance: 'danger',
        disabled: summary.willChange === 0,
        starting: props.starting,
        onConfirm: props.onConfirm,
      }}
      onCancel={props.onCancel}
    />
  );
};
