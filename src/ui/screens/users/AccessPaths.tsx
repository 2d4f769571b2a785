import React from 'react';
import { Heading, Stack, Text } from '@forge/react';
import type { AccessPathDto } from '../../../contract';
import type { ProductNames } from '../../components/productNames';
import { useLocale } from '../../i18n/LocaleContext';

/** U5 "why is this seat billable": per product, the groups that grant it (IdP-synced ones marked) or a direct role. */
export const AccessPaths = (props: { paths: readonly AccessPathDto[]; names: ProductNames }): React.JSX.Element | null => {
  const { t } = useLocale();
  if (props.paths.length === 0) return null;
  return (
    <Stack space="space.050">
      <Heading size="xsmall">{t('users.accessPaths.title')}</Heading>
      {props.paths.map((p) => {
        const product = props.names.labelOf(p.productKey, p.resourceId, p.productName ?? p.productKey);
        const groups = p.groups.map((g) => (g.idpSynced ? t('users.accessPaths.syncedGroup', { name: g.name }) : g.name)).join(', ');
        return (
          <Text key={`${p.productKey}:${p.resourceId}`}>
            {p.groups.length === 0
              ? t('users.accessPaths.direct', { product })
              : t('users.accessPaths.viaGroups', { product, groups, count: p.groups.length })}
          </Text>
        );
      })}
    </Stack>
  );
};
