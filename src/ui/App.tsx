import React from 'react';
import { Heading, Spinner, Stack, Text, useProductContext } from '@forge/react';
import { call } from './api';
import { ErrorBox } from './components/ErrorBox';
import { useLoad } from './hooks/useLoad';
import { LocaleProvider, useLocale } from './i18n/LocaleContext';
import { Shell } from './screens/Shell';
import { SettingsScreen } from './screens/settings/SettingsScreen';

/** Refusals are final for this caller: retrying cannot help. */
const refusals = new Set(['NOT_JIRA_ADMIN', 'ROLE_NOT_ALLOWED', 'FORBIDDEN']);

/** Asks the backend who the caller is and shows the matching state: refusal, bootstrap (Settings only) or all tabs. */
const Main = (): React.JSX.Element => {
  const { t } = useLocale();
  const [boot, reload, refresh] = useLoad(() => call('app.bootstrap', {}), []);
  if (boot.status === 'loading') {
    return (
      <Stack space="space.100">
        <Spinner label={t('app.loading')} />
        <Text>{t('app.loading')}</Text>
      </Stack>
    );
  }
  if (boot.status === 'error') {
    return <ErrorBox error={boot.error} onRetry={refusals.has(boot.error.code) ? undefined : reload} />;
  }
  const { grant } = boot.data;
  if (grant.level === 'bootstrap') {
    return (
      <Stack space="space.200">
        <Heading size="large">{t('app.bootstrap.heading')}</Heading>
        <Text>{t('app.bootstrap.body')}</Text>
        <SettingsScreen bootstrap onAccessChanged={refresh} />
      </Stack>
    );
  }
  return (
    <Stack space="space.200">
      <Heading size="large">{t('app.ready.heading')}</Heading>
      <Text>{t('app.ready.body', { role: t(`app.roles.${grant.via}`) })}</Text>
      <Shell onAccessChanged={refresh} />
    </Stack>
  );
};

/** The admin page: translations and formats follow the viewer's Atlassian locale and time zone. */
export const App = (): React.JSX.Element => {
  const context = useProductContext();
  return (
    <LocaleProvider locale={context?.locale} timeZone={context?.timezone}>
      <Main />
    </LocaleProvider>
  );
};
