import React from 'react';
import { SectionMessage, Stack, Text } from '@forge/react';
import type { ApiKeyInfoDto } from '../../../contract';
import { useLocale } from '../../i18n/LocaleContext';

/** S1 status: org name, the key's last four characters, expiry and days left, with a banner from 14 days before expiry. */
export const ApiKeyStatus = (props: { info: ApiKeyInfoDto }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { info } = props;
  const days = info.daysLeft ?? 0;
  return (
    <Stack space="space.100">
      <Text>{t('settings.apiKey.org', { name: info.orgName })}</Text>
      <Text>{t('settings.apiKey.lastFour', { lastFour: info.lastFour })}</Text>
      {info.expiresAt === null ? (
        <Text>{t('settings.apiKey.expiryUnknown')}</Text>
      ) : (
        <Text>{t('settings.apiKey.expires', { date: fmt.date(info.expiresAt), count: days, formatted: fmt.number(days) })}</Text>
      )}
      {info.expirySource !== null && <Text>{t(`settings.apiKey.expirySource.${info.expirySource}`)}</Text>}
      {info.expiryStatus === 'warning' && (
        <SectionMessage appearance="warning" title={t('settings.apiKey.expiringTitle')}>
          <Text>{t('settings.apiKey.expiringBody', { count: days, formatted: fmt.number(days) })}</Text>
        </SectionMessage>
      )}
      {info.expiryStatus === 'expired' && (
        <SectionMessage appearance="error" title={t('settings.apiKey.expiredTitle')}>
          <Text>{t('settings.apiKey.expiredBody')}</Text>
        </SectionMessage>
      )}
    </Stack>
  );
};
