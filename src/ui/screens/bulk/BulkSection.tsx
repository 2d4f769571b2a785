import React from 'react';
import type { BulkSelectionDto, UserFilterDto } from '../../../contract';
import { ErrorBox } from '../../components/ErrorBox';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { actionLabel } from './actionLabel';
import { BulkActionBar } from './BulkActionBar';
import { BulkJobPanel } from './BulkJobPanel';
import { BulkPlanModal } from './BulkPlanModal';
import { useBulkFlow } from './useBulkFlow';

/**
 * B1–B3 above a user list: choose, review the plan, confirm, then follow the job and read its results in the same
 * place, where the admin is (U6).
 */
export const BulkSection = (props: {
  idPrefix: string;
  selectedIds: readonly string[];
  allMatching: boolean;
  onAllMatching: (all: boolean) => void;
  onClear: () => void;
  filter: UserFilterDto;
  matchingCount: number | null;
  products: ProductChoice[];
  onFinished: () => void;
}): React.JSX.Element => {
  const locale = useLocale();
  const flow = useBulkFlow(props.onFinished);
  const { stage } = flow;
  const selection = (): BulkSelectionDto =>
    props.allMatching ? { kind: 'filter', filter: props.filter } : { kind: 'accounts', accountIds: [...props.selectedIds] };
  if (stage.kind === 'job') {
    return <BulkJobPanel job={stage.job} actionName={actionLabel(stage.job.action, props.products, locale)} onDismiss={flow.cancel} />;
  }
  return (
    <>
      <BulkActionBar
        idPrefix={props.idPrefix}
        selectedCount={props.selectedIds.length}
        matchingCount={props.matchingCount}
        allMatching={props.allMatching}
        onAllMatching={props.onAllMatching}
        onClear={props.onClear}
        products={props.products}
        busy={stage.kind === 'planning'}
        onReview={(action) => {
          flow.review(action, selection());
        }}
      />
      {stage.kind !== 'plan' && flow.error !== null && <ErrorBox error={flow.error} />}
      {stage.kind === 'plan' && (
        <BulkPlanModal
          plan={stage.plan}
          selection={stage.selection}
          actionName={actionLabel(stage.plan.action, props.products, locale)}
          starting={stage.starting}
          error={flow.error}
          onConfirm={flow.confirm}
          onCancel={flow.cancel}
        />
      )}
    </>
  );
};
