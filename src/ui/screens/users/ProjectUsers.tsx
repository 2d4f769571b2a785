import React, { useState } from 'react';
import { Button, DynamicTable, EmptyState, Inline, Stack } from '@forge/react';
import type { ProjectUserRowDto } from '../../../contract';
import { call } from '../../api';
import { KeysetPager } from '../../components/KeysetPager';
import { LoadView } from '../../components/LoadView';
import { TextField } from '../../components/TextField';
import { usePagedList } from '../../hooks/usePagedList';
import { useLocale, type Locale } from '../../i18n/LocaleContext';

const PAGE = 50;

const row = (r: ProjectUserRowDto, { t }: Locale): { key: string; cells: { key: string; content: string }[] } => ({
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

/** U2: Jira project role members (group actors expanded), filterable by project key and role. */
export const ProjectUsers = (): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const [draft, setDraft] = useState({ projectKey: '', roleName: '' });
  const [applied, setApplied] = useState(draft);
  const payload = {
    ...(applied.projectKey.trim() === '' ? {} : { projectKey: applied.projectKey.trim() }),
    ...(applied.roleName.trim() === '' ? {} : { roleName: applied.roleName.trim() }),
  };
  const paged = usePagedList((after) => call('projectUsers.list', { ...payload, limit: PAGE, after }), payload);
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="end">
        <TextField id="project-users-project" label={t('projectUsers.project')} value={draft.projectKey} onChange={(projectKey) => { setDraft({ ...draft, projectKey }); }} />
        <TextField id="project-users-role" label={t('projectUsers.role')} value={draft.roleName} onChange={(roleName) => { setDraft({ ...draft, roleName }); }} />
        <Button appearance="primary" onClick={() => { setApplied(draft); }}>
          {t('filters.apply')}
        </Button>
      </Inline>
      <LoadView load={paged.load} onRetry={paged.reload}>
        {(page) =>
          page.items.length === 0 && paged.page === 0 ? (
            <EmptyState header={t('projectUsers.empty.header')} description={t('projectUsers.empty.body')} />
          ) : (
            <Stack space="space.100">
              <DynamicTable
                caption={t('projectUsers.caption')}
                head={{ cells: ['project', 'role', 'user', 'email', 'status', 'via'].map((key) => ({ key, content: t(`projectUsers.columns.${key}`) })) }}
                rows={page.items.map((r) => row(r, locale))}
              />
              <KeysetPager page={paged.page} pageSize={PAGE} rowsOnPage={page.items.length} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={paged.next} />
            </Stack>
          )
        }
      </LoadView>
    </Stack>
  );
};
