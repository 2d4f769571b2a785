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

const Statistics = (props: { groups: GroupRef[] }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const groupIds = props.groups.map((g) => g.id);
  const [load, reload] = useLoad(() => call('statistics.get', { groupIds }), [groupIds.join(',')]);
  return (
    <LoadView load={load} onRetry={reload}>
      {(stats) => (
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
                  { key: 'group', content: g.name ?? g.id },
                  { key: 'members', content: fmt.number(g.memberCount) },
                ],
              }))}
            />
          )}
        </Stack>
      )}
    </LoadView>
  );
};

/** S6: totals and the member count of chosen groups; Show / Hide is saved. */
export const StatisticsSection = (props: { settings: SettingsDto; save: SaveSettings }): React.JSX.Element => {
  const { t } = useLocale();
  const [groups, setGroups] = useState<GroupRef[]>([]);
  const save = useSectionSave(props.save);
  const visible = props.settings.statistics.visible;
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
        <Stack space="space.100">
          <GroupPicker id="statistics-groups" label={t('settings.statistics.chooseGroups')} isMulti value={groups} onChange={setGroups} />
          <Statistics groups={groups} />
        </Stack>
      )}
    </Section>
  );
};
