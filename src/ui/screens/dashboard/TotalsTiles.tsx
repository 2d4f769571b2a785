import React from 'react';
import { Box, Heading, Inline, Lozenge, Stack, Text } from '@forge/react';
import type { DashboardDto } from '../../../contract';
import { useLocale } from '../../i18n/LocaleContext';
import { Note } from '../../components/LoadView';
import { shownStates, stateColours } from '../../components/stateColours';

type TileBackground = (typeof stateColours)[keyof typeof stateColours]['background'];

const Tile = (props: { label: string; value: string; background?: TileBackground }): React.JSX.Element => (
  <Box padding="space.200" backgroundColor={props.background ?? 'color.background.neutral'}>
    <Stack space="space.050">
      <Text>{props.label}</Text>
      <Heading size="large">{props.value}</Heading>
    </Stack>
  </Box>
);

/** D1: user totals by inactivity state (each tile in its state's colour, D3), billable users and how fresh the data is. */
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
        {shownStates.map((state) => (
          <Tile key={state} label={t(`states.${state}`)} value={fmt.number(totals.byState[state])} background={stateColours[state].background} />
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
