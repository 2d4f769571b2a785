import React, { useState } from 'react';
import { Button, Code, DynamicTable, Lozenge, Stack, Text } from '@forge/react';
import type { CallerDto, CallersListDto, Failure } from '../../../contract';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { LoadView, Note } from '../../components/LoadView';
import { useLoad } from '../../hooks/useLoad';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { CallerForm } from './CallerForm';
import { Section } from './Section';

const columns = ['name', 'actions', 'createdBy', 'createdAt', 'lastUsedAt', 'status', 'revoke'] as const;

const callerRow = (caller: CallerDto, { t, fmt }: Pick<Locale, 't' | 'fmt'>, revoke: (id: string) => void) => {
  const cells: Record<(typeof columns)[number], React.JSX.Element | string> = {
    name: caller.name,
    actions: new Intl.ListFormat(fmt.localeTag, { type: 'conjunction' }).format(caller.actions.map((a) => t(`callers.actions.${a}`))),
    createdBy: caller.createdByName ?? t('callers.unknownAdmin'),
    createdAt: fmt.dateTime(caller.createdAt),
    lastUsedAt: caller.lastUsedAt === null ? t('callers.neverUsed') : fmt.dateTime(caller.lastUsedAt),
    status:
      caller.revokedAt === null ? (
        <Lozenge appearance="success">{t('callers.status.active')}</Lozenge>
      ) : (
        <Lozenge appearance="removed">{t('callers.status.revoked', { date: fmt.date(caller.revokedAt) })}</Lozenge>
      ),
    revoke: caller.revokedAt === null ? <Button onClick={() => { revoke(caller.id); }}>{t('callers.revoke', { name: caller.name })}</Button> : '',
  };
  return { key: caller.id, cells: columns.map((key) => ({ key, content: cells[key] })) };
};

const CallersTable = (props: { data: CallersListDto; onRevoke: (id: string) => void }): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  if (props.data.items.length === 0) return <Note>{t('callers.empty')}</Note>;
  return (
    <DynamicTable
      caption={t('callers.tableCaption')}
      head={{ cells: columns.map((key) => ({ key, content: t(`callers.columns.${key}`) })) }}
      rows={props.data.items.map((caller) => callerRow(caller, locale, props.onRevoke))}
    />
  );
};

/**
 * S10: the web trigger automations call (its URL and the header for the token), the callers with what each may
 * request, who created it and when it was last used; create one (its token shown once) or revoke one.
 */
export const IncomingCallersSection = (): React.JSX.Element => {
  const { t } = useLocale();
  const [load, reload, refresh] = useLoad(() => call('callers.list', {}), []);
  const [error, setError] = useState<Failure | null>(null);
  // A revoke that failed says so: the admin must not believe a token is dead while it still works.
  const revoke = (callerId: string): void => {
    setError(null);
    void call('callers.revoke', { callerId }).then((answer) => {
      if (!answer.ok) setError(answer.error);
      refresh();
    });
  };
  return (
    <Section title={t('callers.title')} description={t('callers.description')}>
      <LoadView load={load} onRetry={reload}>
        {(data) => (
          <Stack space="space.150">
            <Text>{t('callers.url')}</Text>
            {data.url === null ? <Note>{t('callers.urlUnavailable')}</Note> : <Code>{data.url}</Code>}
            <Text>{t('callers.header', { header: data.header })}</Text>
            {error !== null && <ErrorBox error={error} />}
            <CallersTable data={data} onRevoke={revoke} />
          </Stack>
        )}
      </LoadView>
      {/* Outside the list's LoadView: a failed reload of the list must not take the one-time token off screen. */}
      <CallerForm onCreated={refresh} />
    </Section>
  );
};
