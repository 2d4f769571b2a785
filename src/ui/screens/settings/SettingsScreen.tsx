import React, { useState } from 'react';
import { Heading, SectionMessage, Stack, Text } from '@forge/react';
import type { ApiKeyInfoDto, SettingsDto } from '../../../contract';
import { call } from '../../api';
import { LoadView } from '../../components/LoadView';
import { useLoad } from '../../hooks/useLoad';
import { useLocale } from '../../i18n/LocaleContext';
import { AccessSection } from './AccessSection';
import { AutomationWebhooksSection } from './AutomationWebhooksSection';
import { ApiKeySection } from './ApiKeySection';
import { IncomingCallersSection } from './IncomingCallersSection';
import { ManualSyncSection } from './ManualSyncSection';
import { ProtectedEmailsSection } from './ProtectedEmailsSection';
import { SeatPricesSection } from './SeatPricesSection';
import { StatisticsSection } from './StatisticsSection';
import { SyncSlotSection } from './SyncSlotSection';
import { ThresholdsSection } from './ThresholdsSection';
import { saveSettings } from './useSave';
import { useSyncRun } from './useSyncRun';

const keyRefusals = new Set(['API_KEY_REJECTED', 'API_KEY_FORBIDDEN', 'API_KEY_EXPIRED', 'API_KEY_REVOKED']);

/**
 * S1–S8. Before a key exists (bootstrap) only what needs no key is
 * shown: the key itself, thresholds, access, the sync slot and protected emails.
 */
export const SettingsScreen = (props: { bootstrap: boolean; onAccessChanged: () => void }): React.JSX.Element => {
  const { t } = useLocale();
  const [load, reload] = useLoad(() => call('settings.get', {}), []);
  const [saved, setSaved] = useState<SettingsDto | null>(null);
  const sync = useSyncRun(!props.bootstrap);
  const keyChanged = (settings: SettingsDto, apiKey: ApiKeyInfoDto | null): void => {
    setSaved({ ...settings, apiKey });
    props.onAccessChanged();
  };
  const refusal = sync.run?.failureReason ?? null;
  return (
    <Stack space="space.300">
      <Heading size="medium">{t('settings.heading')}</Heading>
      <LoadView load={load} onRetry={reload}>
        {(loaded) => {
          const settings = saved ?? loaded;
          const save = saveSettings(setSaved);
          const common = { settings, save };
          return (
            <Stack space="space.300">
              {refusal !== null && keyRefusals.has(refusal) && (
                <SectionMessage appearance="error" title={t('settings.apiKey.rejectedTitle')}>
                  <Text>{t(`errors.${refusal}`)}</Text>
                </SectionMessage>
              )}
              <ApiKeySection info={settings.apiKey} onChanged={(info) => { keyChanged(settings, info); }} />
              <ThresholdsSection {...common} />
              <AccessSection {...common} />
              <SyncSlotSection {...common} live={sync.run} />
              {!props.bootstrap && <ManualSyncSection sync={sync} />}
              {!props.bootstrap && <StatisticsSection {...common} />}
              <ProtectedEmailsSection {...common} />
              {!props.bootstrap && <SeatPricesSection {...common} />}
              {!props.bootstrap && <IncomingCallersSection />}
              {!props.bootstrap && <AutomationWebhooksSection />}
            </Stack>
          );
        }}
      </LoadView>
    </Stack>
  );
};
