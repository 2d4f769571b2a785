import React from 'react';
import { Heading, Stack, Text } from '@forge/react';
import { useLocale } from '../../i18n/LocaleContext';
import { UserList } from '../users/UserList';

/** I1/I2: users in warning, overdue or never-active state (overall or for one product), to act on and export. */
export const InactiveScreen = (): React.JSX.Element => {
  const { t } = useLocale();
  return (
    <Stack space="space.200">
      <Heading size="medium">{t('inactive.heading')}</Heading>
      <Text>{t('inactive.intro')}</Text>
      <UserList idPrefix="inactive" inactiveOnly defaultSort={{ key: 'lastActiveAt', direction: 'asc' }} />
    </Stack>
  );
};
