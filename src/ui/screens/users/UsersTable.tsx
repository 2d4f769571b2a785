import React from 'react';
import { Button, Checkbox, DynamicTable, Link, Stack, Text } from '@forge/react';
import type { UserRowDto } from '../../../contract';
import { productNames, type ProductNames } from '../../components/productNames';
import { stateLozenge } from '../../components/StateLozenge';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { productActivityLines } from './ProductActivity';

const MAX_GROUPS = 3;

const nameCell = (user: UserRowDto): React.JSX.Element | string =>
  user.adminUrl === null ? user.name : <Link href={user.adminUrl} openNewTab>{user.name}</Link>;

const productsCell = (user: UserRowDto, names: ProductNames, locale: Locale): React.JSX.Element => (
  <Stack space="space.025">{productActivityLines(user, names, locale)}</Stack>
);

const groupsText = (user: UserRowDto, { t }: Locale): string => {
  const shown = user.groups.slice(0, MAX_GROUPS).map((g) => g.name);
  const more = user.groups.length - shown.length;
  return more > 0 ? `${shown.join(', ')} ${t('users.moreGroups', { count: more })}` : shown.join(', ');
};

const inactivityCell = (user: UserRowDto, locale: Locale): React.JSX.Element => (
  <Stack space="space.025">
    {stateLozenge(user.inactivity, locale)}
    {user.inactiveDays !== null && <Text>{locale.t('common.days', { count: user.inactiveDays })}</Text>}
  </Stack>
);

const columns = ['select', 'name', 'email', 'status', 'managed', 'products', 'groups', 'lastActive', 'inactivity', 'billable', 'actions'];

/** U1: one page of organization users; a checkbox per row selects it for a bulk action (B1). */
export const UsersTable = (props: {
  users: UserRowDto[];
  /** The org's products, to name each user's products. */
  products: readonly ProductChoice[];
  selected: ReadonlySet<string>;
  onToggle: (user: UserRowDto, selected: boolean) => void;
  onTogglePage: (selected: boolean) => void;
  onDetails: (user: UserRowDto) => void;
}): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const names = productNames(props.products, locale);
  const allOnPage = props.users.length > 0 && props.users.every((u) => props.selected.has(u.accountId));
  const head = columns.map((key) =>
    key === 'select'
      ? {
          key,
          content: (
            <Checkbox
              label={t('bulk.selectPage')}
              isChecked={allOnPage}
              onChange={(event) => {
                props.onTogglePage(event.target.checked === true);
              }}
            />
          ),
        }
      : { key, content: t(`users.columns.${key}`) },
  );
  const rows = props.users.map((user) => ({
    key: user.accountId,
    cells: [
      {
        key: 'select',
        content: (
          <Checkbox
            label={t('bulk.selectUser', { name: user.name })}
            isChecked={props.selected.has(user.accountId)}
            onChange={(event) => {
              props.onToggle(user, event.target.checked === true);
            }}
          />
        ),
      },
      { key: 'name', content: nameCell(user) },
      { key: 'email', content: user.email ?? '—' },
      { key: 'status', content: t(`accountStatus.${user.accountStatus}`) },
      { key: 'managed', content: user.managed ? t('users.managed') : t('users.external') },
      { key: 'products', content: productsCell(user, names, locale) },
      { key: 'groups', content: groupsText(user, locale) },
      { key: 'lastActive', content: user.lastActiveAt === null ? t('users.noActivity') : fmt.dateTime(user.lastActiveAt) },
      { key: 'inactivity', content: inactivityCell(user, locale) },
      { key: 'billable', content: user.billable ? t('common.yes') : t('common.no') },
      {
        key: 'actions',
        content: (
          <Button
            appearance="subtle"
            onClick={() => {
              props.onDetails(user);
            }}
          >
            {t('users.details')}
          </Button>
        ),
      },
    ],
  }));
  return <DynamicTable caption={t('users.tableCaption')} head={{ cells: head }} rows={rows} />;
};
