import React, { useState } from 'react';
import { DynamicTable, Inline, Stack, Text, Toggle } from '@forge/react';
import type { SettingsDto } from '../../../contract';
import { call } from '../../api';
import { GroupPicker, type GroupRef } from '../../components/GroupPicker';
import { LoadView } from '../../components/LoadView';
import { useLoad } from '../../hooks/useLoad';
import { useLocale } from '../../i18n/LocaleContext';
import { SaveFeedback } from './SaveFeedback';
import { Section } from './Section';
import { useSectionSave, type SaveSettings } from './useSave';

type Stats = { totalUsers: number; totalGroups: number; groups: { id: string; name: string | null; memberCount: number }[] };

const StatisticsFigures = (props: { stats: Stats }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { stats } = props;
  return (
    <Stack space="space.100">
      <Text>{t('settings.statistics.totalUsers', { total: fmt.number(stats.totalUsers) })}</Text>
      <Text>{t('settings.statistics.totalGroups', { total: fmt.number(stats.totalGroups) })}</Text>
      {stats.groups.length > 0 && (
        <DynamicTable
          caption={t('settings.statistics.groupsCaption')}
          head={{ cells: [{ key: 'group', content: t('settings.statistics.group') }, { key: 'members', content: t('settings.statistics.members') }] }}
          rows={stats.groups.map((g) => ({
            key: g.id,
            cells: [
              { key: 'group', content: g.name ?? t('settings.statistics.groupGone') },
              { key: 'members', content: fmt.number(g.memberCount) },
            ],
          }))}
        />
      )}
    </Stack>
  );
};

/**
 * The group picker and the figures. The chosen groups are saved with the settings, so a reload shows the same
 * choice; their names come from the statistics until the admin picks again.
 */
const ChosenStatistics = (props: { groupIds: string[]; onChoose: (groups: GroupRef[]) => void }): React.JSX.Element => {
  const { t } = useLocale();
  const [picked, setPicked] = useState<GroupRef[] | null>(null);
  const groupIds = picked?.map((g) => g.id) ?? props.groupIds;
  const [load, reload] = useLoad(() => call('statistics.get', { groupIds }), [groupIds.join(',')]);
  const named = load.status === 'ready' ? load.data.groups.map((g) => ({ id: g.id, name: g.name ?? t('settings.statistics.groupGone') })) : [];
  return (
    <Stack space="space.100">
      <GroupPicker
        id="statistics-groups"
        label={t('settings.statistics.chooseGroups')}
        isMulti
        value={picked ?? named}
        onChange={(groups) => {
          setPicked(groups);
          props.onChoose(groups);
        }}
      />
      <LoadView load={load} onRetry={reload}>
        {(stats) => <StatisticsFigures stats={stats} />}
      </LoadView>
    </Stack>
  );
};

/** S6: totals and the member count of chosen groups; Show / Hide and the chosen groups are saved. */
export const StatisticsSection = (props: { settings: SettingsDto; save: SaveSettings }): React.JSX.Element => {
  const { t } = useLocale();
  const save = useSectionSave(props.save);
  const { visible, groupIds } = props.settings.statistics;
  return (
    <Section title={t('settings.statistics.title')}>
      <Inline space="space.100" alignBlock="center">
        <Toggle
          id="statistics-visible"
          label={t('settings.statistics.show')}
          isChecked={visible}
          isDisabled={save.saving}
          onChange={(event) => {
            save.run({ statistics: { visible: event.target.checked === true } });
          }}
        />
        <Text>{visible ? t('settings.statistics.shown') : t('settings.statistics.hidden')}</Text>
      </Inline>
      <SaveFeedback save={save} />
      {visible && (
        <ChosenStatistics
          groupIds={groupIds}
          onChoose={(groups) => {
            save.run({ statistics: { groupIds: groups.map((g) => g.id) } });
          }}
        />
      )}
    </Section>
  );
};
