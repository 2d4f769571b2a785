import React from 'react';
import { Button, DynamicTable, Inline, Lozenge, Stack, Text } from '@forge/react';
import type { WebhookDeliveryDto } from '../../../contract';
import { call } from '../../api';
import { LoadView, Note } from '../../components/LoadView';
import { useLoad } from '../../hooks/useLoad';
import { useLocale } from '../../i18n/LocaleContext';

const statusAppearance = { queued: 'default', sending: 'inprogress', retrying: 'moved', delivered: 'success', failed: 'removed' } as const;
const columns = ['at', 'trigger', 'target', 'outcome', 'attempts', 'httpStatus'] as const;

/** The last path segment of a target URL, enough to tell a trigger's targets apart. */
export const targetLabel = (url: string): string => `…/${url.split('/').filter((s) => s !== '').at(-1)?.slice(-12) ?? ''}`;

/** S7 delivery log: the newest deliveries with their outcome, attempts and HTTP status; `version` reloads it. */
export const DeliveryLog = (props: { version: number }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const [load, reload, refresh] = useLoad(() => call('webhooks.deliveries', { limit: 20 }), [props.version]);
  const outcome = (d: WebhookDeliveryDto): React.JSX.Element => (
    <Stack space="space.050">
      <Lozenge appearance={statusAppearance[d.status]}>{t(`webhooks.statuses.${d.status}`)}</Lozenge>
      {d.error !== null && d.status !== 'delivered' && <Text size="small">{t(`webhooks.errors.${d.error}`)}</Text>}
      {d.nextAttemptAt !== null && d.status === 'retrying' && <Text size="small">{t('webhooks.log.nextAttempt', { at: fmt.dateTime(d.nextAttemptAt) })}</Text>}
    </Stack>
  );
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Text weight="bold">{t('webhooks.log.title')}</Text>
        <Button appearance="subtle" onClick={refresh}>
          {t('webhooks.log.refresh')}
        </Button>
      </Inline>
      <LoadView load={load} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Note>{t('webhooks.log.empty')}</Note>
          ) : (
            <DynamicTable
              caption={t('webhooks.log.caption')}
              head={{ cells: columns.map((key) => ({ key, content: t(`webhooks.log.columns.${key}`) })) }}
              rows={page.items.map((d) => {
                const cells: Record<(typeof columns)[number], React.JSX.Element | string> = {
                  at: fmt.dateTime(d.createdAt),
                  trigger: `${t(`webhooks.triggers.${d.trigger}.name`)}${d.test ? ` (${t('webhooks.log.test')})` : ''}${d.parts > 1 ? ` · ${t('webhooks.log.part', { part: d.part, parts: d.parts })}` : ''}`,
                  target: targetLabel(d.targetUrl),
                  outcome: outcome(d),
                  attempts: fmt.number(d.attempts),
                  httpStatus: d.httpStatus === null ? '—' : String(d.httpStatus),
                };
                return { key: d.id, cells: columns.map((key) => ({ key, content: cells[key] })) };
              })}
            />
          )
        }
      </LoadView>
    </Stack>
  );
};
