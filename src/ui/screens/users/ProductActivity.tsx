import React from 'react';
import { Text } from '@forge/react';
import type { UserRowDto } from '../../../contract';
import type { ProductNames } from '../../components/productNames';
import type { Locale } from '../../i18n/LocaleContext';

/**
 * One line per product the user has access to: its name (with the site only when several sites share product
 * names), the last activity there and the inactivity state.
 */
export const productActivityLines = (user: Pick<UserRowDto, 'products'>, names: ProductNames, { t, fmt }: Locale): React.JSX.Element[] =>
  user.products.map((p) => (
    <Text key={`${p.productKey}:${p.resourceId}`}>
      {t('users.productActivity', {
        product: names.labelOf(p.productKey, p.resourceId, p.productName ?? p.productKey),
        when: p.lastActiveAt === null ? t('users.noActivity') : fmt.date(p.lastActiveAt),
        state: t(`states.${p.inactivity}`),
      })}
    </Text>
  ));
