import React from 'react';
import { DynamicTable, Lozenge, Stack } from '@forge/react';
import type { BulkResultRowDto } from '../../../contract';
import type { Envelope } from '../../api';
import { KeysetPager } from '../../components/KeysetPager';
import { LoadView, Note } from '../../components/LoadView';
import { usePagedList, type Page } from '../../hooks/usePagedList';
import { useLocale } from '../../i18n/LocaleContext';

export const RESULTS_PAGE = 100;
const outcomeAppearance = { succeeded: 'success', failed: 'removed', skipped: 'default' } as const;

/**
 * A job's per-user results, paged: who, the outcome, and why in words. `inputs` restart paging when they change;
 * `refreshOn` (a running job's progress) fetches the page on screen again; `pageSize` is the `limit` that `fetchPage`
 * asks for (RESULTS_PAGE unless given).
 */
export const BulkResults = (props: {
  fetchPage: (after: string | null) => Promise<Envelope<Page<BulkResultRowDto>>>;
  inputs: unknown;
  refreshOn?: number;
  pageSize?: number;
}): React.JSX.Element => {
  const { t } = useLocale();
  const paged = usePagedList(props.fetchPage, props.inputs, props.refreshOn);
  return (
    <LoadView load={paged.load} onRetry={paged.reload}>
      {(page) =>
        page.items.length === 0 && paged.page === 0 ? (
          <Note>{t('bulk.results.none')}</Note>
        ) : (
          <Stack space="space.100">
            <DynamicTable
              caption={t('bulk.results.caption')}
              head={{ cells: ['user', 'outcome', 'reason'].map((key) => ({ key, content: t(`bulk.results.columns.${key}`) })) }}
              rows={page.items.map((row) => ({
                key: row.accountId,
                cells: [
                  { key: 'user', content: row.name ?? row.email ?? t('bulk.results.userLeft') },
                  { key: 'outcome', content: <Lozenge appearance={outcomeAppearance[row.outcome]}>{t(`audit.outcomes.${row.outcome}`)}</Lozenge> },
                  { key: 'reason', content: row.outcome === 'succeeded' ? '' : t(row.messageKey) },
                ],
              }))}
            />
            <KeysetPager page={paged.page} pageSize={props.pageSize ?? RESULTS_PAGE} rowsOnPage={page.items.length} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={paged.next} />
          </Stack>
        )
      }
    </LoadView>
  );
};
