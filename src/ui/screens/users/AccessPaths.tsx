import React from 'react';
import { Heading, Stack, Text } from '@forge/react';
import type { AccessPathDto } from '../../../contract';
import type { ProductNames } from '../../components/productNames';
import { useLocale, type Locale } from '../../i18n/LocaleContext';

/** A granting group's name; an IdP-synced one is marked, with the directory it is synced into when known. */
const syncedName = (g: AccessPathDto['groups'][number], t: Locale['t']): string => {
  if (!g.idpSynced) return g.name;
  return g.directory === null ? t('users.accessPaths.syncedGroup', { name: g.name }) : t('idpGroupDirectory.accessPath', { name: g.name, directory: g.directory });
};

/** U5 "why is this seat billable": per product, the groups that grant it (IdP-synced ones marked) or a direct role. */
export const AccessPaths = (props: { paths: readonly AccessPathDto[]; names: ProductNames }): React.JSX.Element | null => {
  const { t } = useLocale();
  if (props.paths.length === 0) return null;
  return (
    <Stack space="space.050">
      <Heading size="xsmall">{t('users.accessPaths.title')}</Heading>
      {props.paths.map((p) => {
        const product = props.names.labelOf(p.productKey, p.resourceId, p.productName ?? p.productKey);
        const groups = p.groups.map((g) => syncedName(g, t)).join(', ');
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
