import React from 'react';
import type { ProjectUserRowDto } from '../../../contract';
import { call } from '../../api';
import { FilteredPagedTable, type TableRow } from '../../components/FilteredPagedTable';
import { useLoad } from '../../hooks/useLoad';
import { useLocale, type Locale } from '../../i18n/LocaleContext';

const PAGE = 50;

const row = (r: ProjectUserRowDto, { t }: Locale): TableRow => ({
  key: `${r.projectKey}:${r.roleName}:${r.accountId}:${r.viaGroupId ?? ''}`,
  cells: [
    { key: 'project', content: r.projectKey },
    { key: 'role', content: r.roleName },
    { key: 'user', content: r.person?.name ?? r.accountId },
    { key: 'email', content: r.person?.email ?? '—' },
    { key: 'status', content: r.person === null ? t('projectUsers.notInDirectory') : t(`accountStatus.${r.person.accountStatus}`) },
    { key: 'via', content: r.viaGroupId === null ? t('projectUsers.direct') : t('projectUsers.viaGroup', { group: r.viaGroupName ?? r.viaGroupId }) },
  ],
});

/** U2: Jira project role members (group actors expanded), filterable by project (picked by name) and role. */
export const ProjectUsers = (): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const [projects] = useLoad(() => call('projectUsers.projects', {}), []);
  const choices = projects.status === 'ready' ? projects.data.items.map((p) => ({ value: p.id, label: `${p.name} (${p.id})` })) : [];
  return (
    <FilteredPagedTable
      filters={[
        { field: 'projectKey', id: 'project-users-project', label: t('projectUsers.project'), choices },
        { field: 'roleName', id: 'project-users-role', label: t('projectUsers.role') },
      ]}
      fetchPage={(filter, after) => call('projectUsers.list', { ...filter, limit: PAGE, after })}
      pageSize={PAGE}
      caption={t('projectUsers.caption')}
      columns={['project', 'role', 'user', 'email', 'status', 'via'].map((key) => ({ key, content: t(`projectUsers.columns.${key}`) }))}
      row={(r) => row(r, locale)}
      empty={{ header: t('projectUsers.empty.header'), description: t('projectUsers.empty.body') }}
    />
  );
};
