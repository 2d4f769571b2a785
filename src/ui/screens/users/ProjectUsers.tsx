import React from 'react';
import type { ProjectUserRowDto } from '../../../contract';
import { call } from '../../api';
import { FilteredPagedTable, type TableRow } from '../../components/FilteredPagedTable';
import { TwoLines } from '../../components/TwoLines';
import { useLoad } from '../../hooks/useLoad';
import { useLocale, type Locale } from '../../i18n/LocaleContext';

const row = (r: ProjectUserRowDto, { t }: Locale): TableRow => ({
  key: `${r.projectKey}:${r.roleName}:${r.accountId}:${r.viaGroupId ?? ''}`,
  cells: [
    { key: 'project', content: r.projectKey },
    { key: 'role', content: <TwoLines main={r.roleName} sub={r.viaGroupId === null ? t('projectUsers.direct') : t('projectUsers.viaGroup', { group: r.viaGroupName ?? r.viaGroupId })} /> },
    { key: 'user', content: <TwoLines main={r.person?.name ?? r.accountId} sub={r.person?.email ?? null} /> },
    { key: 'status', content: r.person === null ? t('projectUsers.notInDirectory') : t(`accountStatus.${r.person.accountStatus}`) },
  ],
});

/**
 * U2: Jira project role members (group actors expanded), filterable by project (picked by name) and role; compact for
 * 1,024 px (U6): the role over how it is held, the name over the email.
 */
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
      fetchPage={(filter, after, limit) => call('projectUsers.list', { ...filter, limit, after })}
      pageSizeId="project-users-page-size"
      caption={t('projectUsers.caption')}
      columns={['project', 'role', 'user', 'status'].map((key) => ({ key, content: t(`projectUsers.columns.${key}`) }))}
      row={(r) => row(r, locale)}
      empty={{ header: t('projectUsers.empty.header'), description: t('projectUsers.empty.body') }}
    />
  );
};
