import React from 'react';
import { Heading, Stack, Text } from '@forge/react';
import { handoffReasons, type BulkPlanDto, type BulkSelectionDto } from '../../../contract';
import { useLocale } from '../../i18n/LocaleContext';
import { CsvExport } from '../export/CsvExport';

/** B2: the plan's users an identity provider owns (account or granting group), as a CSV for the IdP team. */
export const HandoffExport = (props: { plan: BulkPlanDto; selection: BulkSelectionDto }): React.JSX.Element | null => {
  const { t, fmt } = useLocale();
  const count = handoffReasons.reduce((sum, reason) => sum + (props.plan.summary.skippedByReason[reason] ?? 0), 0);
  if (count === 0) return null;
  return (
    <Stack space="space.100">
      <Heading size="xsmall">{t('bulk.handoff.title')}</Heading>
      <Text>{t('bulk.handoff.intro', { count, formatted: fmt.number(count) })}</Text>
      <CsvExport spec={{ kind: 'handoff', payload: { action: props.plan.action, selection: props.selection }, total: null }} />
    </Stack>
  );
};
