import React, { useState } from 'react';
import { Button, DynamicTable, EmptyState, Heading, Lozenge, Stack, Text } from '@forge/react';
import { call } from '../../api';
import { LoadView } from '../../components/LoadView';
import { useLoad } from '../../hooks/useLoad';
import { usePolling } from '../../hooks/usePolling';
import { useProducts } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { JobDetail } from './JobDetail';
import { isActive, jobIdOf, jobTitle, progressText, startedAtOf, startedBy, statusAppearance } from './jobText';

const columns = ['job', 'status', 'progress', 'startedBy', 'startedAt', 'open'] as const;

/**
 * B3 Jobs view: running and recent jobs of every kind (bulk actions and syncs), polled while one runs, so a job
 * started before a reload or on another tab is found again. Opening one shows what it did.
 */
export const JobsScreen = (): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const products = useProducts();
  const [load, reload, refresh] = useLoad(() => call('jobs.list', {}), []);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = load.status === 'ready' ? load.data.items : [];
  usePolling(items.some(isActive), () => {
    refresh();
    return Promise.resolve();
  });
  return (
    <Stack space="space.200">
      <Heading size="medium">{t('jobs.heading')}</Heading>
      <LoadView load={load} onRetry={reload}>
        {(data) => {
          const open = data.items.find((item) => jobIdOf(item) === openId);
          if (open !== undefined) {
            return (
              <JobDetail
                item={open}
                products={products}
                onBack={() => {
                  setOpenId(null);
                }}
                onOpen={(jobId) => {
                  setOpenId(jobId);
                  refresh();
                }}
              />
            );
          }
          if (data.items.length === 0) return <EmptyState header={t('jobs.empty.header')} description={t('jobs.empty.body')} />;
          return (
            <Stack space="space.100">
              <Text>{t('jobs.intro')}</Text>
              <DynamicTable
                caption={t('jobs.caption')}
                head={{ cells: columns.map((key) => ({ key, content: key === 'open' ? '' : t(`jobs.columns.${key}`) })) }}
                rows={data.items.map((item) => ({
                  key: jobIdOf(item),
                  cells: [
                    { key: 'job', content: jobTitle(item, products, locale) },
                    { key: 'status', content: <Lozenge appearance={statusAppearance[item.status]}>{t(`jobStatus.${item.status}`)}</Lozenge> },
                    { key: 'progress', content: progressText(item, locale) },
                    { key: 'startedBy', content: startedBy(item, locale) },
                    { key: 'startedAt', content: fmt.dateTime(startedAtOf(item)) },
                    {
                      key: 'open',
                      content: (
                        <Button
                          appearance="subtle"
                          onClick={() => {
                            setOpenId(jobIdOf(item));
                          }}
                        >
                          {t('jobs.open')}
                        </Button>
                      ),
                    },
                  ],
                }))}
              />
            </Stack>
          );
        }}
      </LoadView>
    </Stack>
  );
};
