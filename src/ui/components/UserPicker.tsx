import React from 'react';
import { call } from '../api';
import { useLocale } from '../i18n/LocaleContext';
import { SearchPicker, type Picked } from './SearchPicker';

const searchUsers = async (term: string): Promise<Picked[]> => {
  const answer = await call('users.list', { filter: term === '' ? {} : { search: term }, limit: 20, after: null });
  if (!answer.ok) return [];
  return answer.data.items.map((u) => ({ id: u.accountId, label: u.email === null ? u.name : `${u.name} (${u.email})` }));
};

/** U6: a person picked from the synced users by name or email (users.list's search), never typed as an account ID. */
export const UserPicker = (props: { id: string; label: string; value: Picked | null; onChange: (picked: Picked | null) => void }): React.JSX.Element => {
  const { t } = useLocale();
  return <SearchPicker {...props} placeholder={t('auditFilters.pickPerson')} search={searchUsers} />;
};
