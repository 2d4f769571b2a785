import React from 'react';
import { Box, Heading, Inline, Lozenge, Stack, Text } from '@forge/react';
import type { DashboardDto } from '../../../contract';
import { useLocale } from '../../i18n/LocaleContext';
import { Note } from '../../components/LoadView';

const Tile = (props: { label: string; value: string }): React.JSX.Element => (
  <Box padding="space.200" backgroundColor="color.background.neutral">
    <Stack space="space.050">
      <Text>{props.label}</Text>
      <Heading size="large">{props.value}</Heading>
    </Stack>
  </Box>
);

const stateTiles = ['active', 'warning', 'overdue', 'never-active', 'unknown'] as const;

/** D1: user totals by inactivity state, billable users and how fresh the data is. */
export const TotalsTiles = (props: {
  totals: DashboardDto['totals'];
  thresholds: DashboardDto['thresholds'];
  freshness: DashboardDto['freshness'];
}): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { totals, freshness, thresholds } = props;
  return (
    <Stack space="space.150">
      <Inline space="space.150" shouldWrap>
        <Tile label={t('dashboard.tiles.users')} value={fmt.number(totals.users)} />
        {stateTiles.map((state) => (
          <Tile key={state} label={t(`states.${state}`)} value={fmt.number(totals.byState[state])} />
        ))}
        <Tile label={t('dashboard.tiles.billable')} value={fmt.number(totals.billable)} />
      </Inline>
      <Note>
        {t('dashboard.thresholds', {
          warning: t('common.days', { count: thresholds.warningDays }),
          overdue: t('common.days', { count: thresholds.overdueDays }),
        })}
      </Note>
      <Inline space="space.100" alignBlock="center">
        {freshness.runningSince !== null && (
          <Lozenge appearance="inprogress">{t('dashboard.freshness.running', { at: fmt.dateTime(freshness.runningSince) })}</Lozenge>
        )}
        <Text>
          {freshness.lastSyncAt !== null
            ? t('dashboard.freshness.lastSync', { at: fmt.dateTime(freshness.lastSyncAt) })
            : freshness.runningSince === null
              ? t('dashboard.freshness.never')
              : t('dashboard.freshness.firstRunning')}
        </Text>
        {freshness.lastSyncStatus !== null && <Lozenge>{t(`jobStatus.${freshness.lastSyncStatus}`)}</Lozenge>}
      </Inline>
    </Stack>
  );
};
