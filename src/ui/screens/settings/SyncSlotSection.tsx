import React, { useState } from 'react';
import { Inline, LoadingButton, Lozenge, Stack, Text } from '@forge/react';
import type { SettingsDto, SyncRunDto } from '../../../contract';
import { SelectField } from '../../components/SelectField';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { SaveFeedback } from './SaveFeedback';
import { Section } from './Section';
import { useSectionSave, type SaveSettings } from './useSave';

const hours = Array.from({ length: 24 }, (_, hour) => hour);

type LastSync = SettingsDto['sync']['lastSync'];

/** The later of the run the settings were loaded with and the run the page polls: both name the same runs. */
const latestOf = (loaded: LastSync, live: SyncRunDto | null): LastSync =>
  live === null || (loaded !== null && loaded.startedAt > live.startedAt)
    ? loaded
    : { startedAt: live.startedAt, finishedAt: live.finishedAt, status: live.status };

/** The next sync as the slot shows it: the slot's day and hour in the site's zone, or "within the hour" when catching up. */
const nextSyncText = (settings: SettingsDto, t: Locale['t'], fmt: Locale['fmt']): string => {
  const { nextSyncAt, nextSyncCatchUp, hour, timeZone } = settings.sync;
  if (nextSyncAt === null) return t(settings.apiKey === null ? 'settings.syncSlot.noKey' : 'settings.syncSlot.noNext');
  const words = { day: fmt.dateIn(nextSyncAt, timeZone), slot: fmt.hourSlot(hour), zone: timeZone };
  return t(nextSyncCatchUp ? 'settings.syncSlot.nextSyncCatchUp' : 'settings.syncSlot.nextSync', words);
};

/**
 * S4: the daily sync's hourly slot in the site's time zone, with the last and next sync. The last sync follows the
 * run the page polls (`live`), so it never says "Running" beside a progress that says the run has ended. The slot,
 * the last and the next sync all read in the site's time zone with one clock, the zone named beside each.
 */
export const SyncSlotSection = (props: { settings: SettingsDto; save: SaveSettings; live: SyncRunDto | null }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { sync } = props.settings;
  const lastSync = latestOf(sync.lastSync, props.live);
  const [hour, setHour] = useState(String(sync.hour));
  const save = useSectionSave(props.save);
  return (
    <Section title={t('settings.syncSlot.title')} description={t('settings.syncSlot.description', { zone: sync.timeZone })}>
      <Inline space="space.200" alignBlock="end">
        <SelectField
          id="sync-slot-hour"
          label={t('settings.syncSlot.hour')}
          options={hours.map((h) => ({ value: String(h), label: fmt.hourSlot(h) }))}
          value={hour}
          onChange={setHour}
        />
        <LoadingButton
          appearance="primary"
          isLoading={save.saving}
          onClick={() => {
            save.run({ sync: { hour: Number(hour) } });
          }}
        >
          {t('common.save')}
        </LoadingButton>
      </Inline>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center">
          <Text>
            {lastSync === null
              ? t('settings.syncSlot.neverSynced')
              : t('settings.syncSlot.lastSync', { at: fmt.dateTimeIn(lastSync.finishedAt ?? lastSync.startedAt, sync.timeZone), zone: sync.timeZone })}
          </Text>
          {lastSync !== null && <Lozenge>{t(`jobStatus.${lastSync.status}`)}</Lozenge>}
        </Inline>
        <Text>{nextSyncText(props.settings, t, fmt)}</Text>
      </Stack>
      <SaveFeedback save={save} />
    </Section>
  );
};
