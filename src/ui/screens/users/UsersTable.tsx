import React from 'react';
import { Button, DynamicTable, Link, Stack, Text } from '@forge/react';
import type { UserRowDto } from '../../../contract';
import { QuietCheckbox } from '../../components/QuietCheckbox';
import { stateLozenge } from '../../components/StateLozenge';
import { useLocale, type Locale } from '../../i18n/LocaleContext';

/** Name (a link to the user in admin.atlassian.com) over the email, as Atlassian Administration lists people. */
const userCell = (user: UserRowDto): React.JSX.Element => (
  <Stack>
    {user.adminUrl === null ? <Text>{user.name}</Text> : <Link href={user.adminUrl} openNewTab>{user.name}</Link>}
    {user.email !== null && <Text size="small" color="color.text.subtle">{user.email}</Text>}
  </Stack>
);

const accountCell = (user: UserRowDto, { t }: Locale): React.JSX.Element => (
  <Stack>
    <Text>{t(`accountStatus.${user.accountStatus}`)}</Text>
    <Text size="small" color="color.text.subtle">{user.managed ? t('users.managed') : t('users.external')}</Text>
  </Stack>
);

const inactivityCell = (user: UserRowDto, locale: Locale): React.JSX.Element => (
  <Stack>
    {stateLozenge(user.inactivity, locale)}
    {user.inactiveDays !== null && <Text size="small">{locale.t('common.days', { count: user.inactiveDays })}</Text>}
  </Stack>
);

/** A count in words ("2 products"), or "None": the names are in the detail panel. */
const countText = (count: number, key: 'listLayout.productCount' | 'listLayout.groupCount', { t, fmt }: Locale): string =>
  count === 0 ? t('listLayout.none') : t(key, { count, formatted: fmt.number(count) });

const headings: Record<string, string> = {
  user: 'listLayout.columns.user',
  account: 'listLayout.columns.account',
  products: 'listLayout.columns.products',
  groups: 'users.columns.groups',
  lastActive: 'users.columns.lastActive',
  inactivity: 'users.columns.inactivity',
  billable: 'users.columns.billable',
  actions: 'users.columns.actions',
};

/**
 * U1: one page of organization users, compact enough for Jira's 1,024 px admin content area (U6): who, account,
 * how many products and groups, last activity, inactivity, billable; the products' activity and the group names
 * are in the detail panel. A checkbox per row selects it for a bulk action (B1); its label is for screen readers.
 */
export const UsersTable = (props: {
  idPrefix: string;
  users: UserRowDto[];
  selected: ReadonlySet<string>;
  onToggle: (user: UserRowDto, selected: boolean) => void;
  onTogglePage: (selected: boolean) => void;
  onDetails: (user: UserRowDto) => void;
}): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const allOnPage = props.users.length > 0 && props.users.every((u) => props.selected.has(u.accountId));
  const head = [
    {
      key: 'select',
      content: <QuietCheckbox id={`${props.idPrefix}-select-page`} label={t('bulk.selectPage')} isChecked={allOnPage} onChange={props.onTogglePage} />,
    },
    ...Object.entries(headings).map(([key, label]) => ({ key, content: t(label) })),
  ];
  const rows = props.users.map((user) => ({
    key: user.accountId,
    cells: [
      {
        key: 'select',
        content: (
          <QuietCheckbox
            id={`${props.idPrefix}-select-${user.accountId}`}
            label={t('bulk.selectUser', { name: user.name })}
            isChecked={props.selected.has(user.accountId)}
            onChange={(on) => {
              props.onToggle(user, on);
            }}
          />
        ),
      },
      { key: 'user', content: userCell(user) },
      { key: 'account', content: accountCell(user, locale) },
      { key: 'products', content: countText(user.products.length, 'listLayout.productCount', locale) },
      { key: 'groups', content: countText(user.groups.length, 'listLayout.groupCount', locale) },
      { key: 'lastActive', content: user.lastActiveAt === null ? t('users.noActivity') : fmt.date(user.lastActiveAt) },
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
