import React from 'react';
import { Inline, Lozenge, Stack, Text } from '@forge/react';
import type { UserDetailDto } from '../../../contract';
import { productNames } from '../../components/productNames';
import { stateLozenge } from '../../components/StateLozenge';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { productActivityLines } from './ProductActivity';

/** U5: the user's account, access and protection facts. */
export const UserFacts = (props: { detail: UserDetailDto; products: readonly ProductChoice[] }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const { user, platformRoles, protectedBy } = props.detail;
  const line = (key: string, value: string): React.JSX.Element => (
    <Text key={key}>{t('users.detail.line', { label: t(`users.detail.fields.${key}`), value })}</Text>
  );
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center">
        {stateLozenge(user.inactivity, locale)}
        {user.protected && <Lozenge appearance="inprogress">{t('users.protected')}</Lozenge>}
        {user.billable && <Lozenge>{t('users.billable')}</Lozenge>}
      </Inline>
      {line('email', user.email ?? '—')}
      {line('accountType', t(`accountType.${user.accountType}`))}
      {line('status', t(`accountStatus.${user.accountStatus}`))}
      {line('membership', t(`membershipStatus.${user.membershipStatus}`))}
      {line('managed', user.managed ? t('users.managed') : t('users.external'))}
      {line('added', user.addedToOrgAt === null ? '—' : fmt.date(user.addedToOrgAt))}
      {line('lastActive', user.lastActiveAt === null ? t('users.noActivity') : fmt.dateTime(user.lastActiveAt))}
      {productActivityLines(user, productNames(props.products, locale), locale)}
      {line('groups', user.groups.map((g) => g.name).join(', ') || '—')}
      {line('roles', platformRoles.join(', ') || '—')}
      {protectedBy.length > 0 && line('protectedBy', protectedBy.join(', '))}
    </Stack>
  );
};
