import React, { useState } from 'react';
import { Checkbox, Inline, LoadingButton, Stack, Text } from '@forge/react';
import type { SyncDataTypeDto } from '../../../contract';
import { ErrorBox } from '../../components/ErrorBox';
import { GroupPicker, type GroupRef } from '../../components/GroupPicker';
import { useLocale } from '../../i18n/LocaleContext';
import { Section } from './Section';
import { SyncProgress } from './SyncProgress';
import { isSyncRunning, type SyncRun } from './useSyncRun';

const dataTypes: readonly SyncDataTypeDto[] = ['users', 'last-active', 'groups', 'group-memberships', 'project-users', 'customers'];

/**
 * S5: sync chosen data now. Group memberships need groups: picked here, or all of them when "All groups" is on.
 * A manual sync does not move the daily schedule.
 */
export const ManualSyncSection = (props: { sync: SyncRun }): React.JSX.Element => {
  const { t } = useLocale();
  const [chosen, setChosen] = useState<SyncDataTypeDto[]>(['users', 'last-active']);
  const [groups, setGroups] = useState<GroupRef[]>([]);
  const { run, starting, error } = props.sync;
  const has = (type: SyncDataTypeDto): boolean => chosen.includes(type);
  const membershipsNeedGroups = has('group-memberships') && !has('groups') && groups.length === 0;
  const busy = starting || (run !== null && isSyncRunning(run));
  return (
    <Section title={t('settings.manualSync.title')} description={t('settings.manualSync.description')}>
      <Stack space="space.050">
        {dataTypes.map((type) => (
          <Checkbox
            key={type}
            label={t(`settings.manualSync.types.${type}`)}
            isChecked={has(type)}
            onChange={(event) => {
              const on = event.target.checked === true;
              setChosen((current) => (on ? [...current.filter((c) => c !== type), type] : current.filter((c) => c !== type)));
            }}
          />
        ))}
      </Stack>
      {has('group-memberships') &&
        (has('groups') ? (
          <Text>{t('settings.manualSync.viaAllGroups')}</Text>
        ) : (
          <GroupPicker id="manual-sync-groups" label={t('settings.manualSync.groups')} isMulti value={groups} onChange={setGroups} />
        ))}
      <Inline space="space.100" alignBlock="center">
        <LoadingButton
          appearance="primary"
          isLoading={busy}
          isDisabled={chosen.length === 0 || membershipsNeedGroups}
          onClick={() => {
            props.sync.start(chosen, has('groups') ? [] : groups.map((g) => g.id));
          }}
        >
          {t('settings.manualSync.run')}
        </LoadingButton>
        {membershipsNeedGroups && <Text>{t('validation.sync.group-memberships-need-groups')}</Text>}
      </Inline>
      {run !== null && <SyncProgress run={run} />}
      {error !== null && <ErrorBox error={error} />}
    </Section>
  );
};
