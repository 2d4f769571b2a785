import React from 'react';
import { Button, DynamicTable, Lozenge, Stack, Text } from '@forge/react';
import type { AuditEntryDto } from '../../contract';
import { useLocale, type Locale } from '../i18n/LocaleContext';
import { auditSentence } from './auditSentence';

const outcomeAppearance = { succeeded: 'success', failed: 'removed', skipped: 'default' } as const;

/** Who did it: an admin (by name when synced, never by account ID), an automated task, the app itself, or a caller of the web trigger. */
export const actorText = (entry: AuditEntryDto, { t }: Pick<Locale, 't'>): string => {
  switch (entry.actor.kind) {
    case 'admin':
      return entry.actor.name ?? t('jobs.startedBy.unknownAdmin');
    case 'task':
      return entry.actor.name === null ? t('audit.actor.taskUnknown') : t('audit.actor.task', { name: entry.actor.name });
    case 'system':
      return t('audit.actor.system');
    case 'caller':
      return entry.actor.name === null ? t('callers.actorUnknown') : t('callers.actor', { name: entry.actor.name });
  }
};

/** A5: the details as a sentence; nothing when the entry has nothing to tell (never the stored keys). */
const detailsText = (entry: AuditEntryDto, locale: Locale): string => (entry.summary === null ? '' : auditSentence(entry.summary, locale));

const columns = ['at', 'actor', 'action', 'target', 'outcome', 'reason', 'details'];

/** The action, and under it, for an entry of a job, a link to all the entries of that job (when `onJob` is given). */
const actionCell = (entry: AuditEntryDto, t: Locale['t'], onJob?: (entry: AuditEntryDto) => void): React.JSX.Element | string =>
  onJob === undefined || entry.jobId === null ? (
    t(entry.actionKey)
  ) : (
    <Stack>
      <Text>{t(entry.actionKey)}</Text>
      <Button appearance="subtle" spacing="compact" onClick={() => { onJob(entry); }}>
        {t('auditSearch.jobEntries')}
      </Button>
    </Stack>
  );

/** A1 / A2: audit entries, newest first as the resolver returns them. */
export const AuditTable = (props: { entries: AuditEntryDto[]; showTarget?: boolean; onJob?: (entry: AuditEntryDto) => void }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const shown = columns.filter((c) => c !== 'target' || props.showTarget !== false);
  return (
    <DynamicTable
      caption={t('audit.tableCaption')}
      head={{ cells: shown.map((key) => ({ key, content: t(`audit.columns.${key}`) })) }}
      rows={props.entries.map((entry) => {
        const cells: Record<string, React.JSX.Element | string> = {
          at: fmt.dateTime(entry.at),
          actor: actorText(entry, locale),
          action: actionCell(entry, t, props.onJob),
          target: entry.targetAccountId === null ? '—' : (entry.targetName ?? entry.targetEmail ?? t('auditSearch.unknownPerson')),
          outcome: <Lozenge appearance={outcomeAppearance[entry.outcome]}>{t(`audit.outcomes.${entry.outcome}`)}</Lozenge>,
          reason: entry.reasonKey === null ? '' : t(entry.reasonKey),
          details: <Text>{detailsText(entry, locale)}</Text>,
        };
        return { key: entry.id, cells: shown.map((key) => ({ key, content: cells[key] ?? '' })) };
      })}
    />
  );
};
