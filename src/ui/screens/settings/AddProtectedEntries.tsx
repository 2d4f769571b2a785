import React, { useState } from 'react';
import { Inline, Label, List, ListItem, LoadingButton, SectionMessage, Stack, Text, TextArea } from '@forge/react';
import type { Failure } from '../../../contract';
import { ErrorBox } from '../../components/ErrorBox';
import { eventText } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';
import { refusedEntries, splitEntries, type RefusedEntry } from './protectedPaste';
import type { SaveSettings } from './useSave';

type Outcome = { kind: 'added'; added: number; refused: RefusedEntry[] } | { kind: 'failed'; error: Failure };

/**
 * S8: several entries at once, pasted one per line or comma-separated. The server checks each: the valid ones are
 * added in one save, the refused ones stay in the box and are listed with their reason. When the save fails for any
 * other reason nothing is added.
 */
export const AddProtectedEntries = (props: { current: string[]; save: SaveSettings }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const finish = (added: number, refused: RefusedEntry[]): void => {
    setDraft(refused.map((r) => r.entry).join('\n'));
    setOutcome({ kind: 'added', added, refused });
  };
  const add = async (): Promise<void> => {
    const pasted = splitEntries(draft);
    const first = await props.save({ protectedEmails: [...props.current, ...pasted] });
    if (first === null) {
      finish(pasted.length, []);
      return;
    }
    const refused = refusedEntries(first, props.current.length, pasted);
    if (refused === null) {
      setOutcome({ kind: 'failed', error: first });
      return;
    }
    const kept = pasted.filter((_, i) => !refused.some((r) => r.index === i));
    const second = kept.length === 0 ? null : await props.save({ protectedEmails: [...props.current, ...kept] });
    if (second === null) finish(kept.length, refused);
    else setOutcome({ kind: 'failed', error: second });
  };
  return (
    <Stack space="space.100">
      <Label labelFor="protected-email-entry">{t('settings.protectedEmails.add')}</Label>
      <TextArea
        id="protected-email-entry"
        value={draft}
        placeholder={t('settings.protectedEmails.placeholder')}
        onChange={(event) => {
          setDraft(eventText(event));
        }}
      />
      <Inline>
        <LoadingButton
          appearance="primary"
          isLoading={busy}
          isDisabled={splitEntries(draft).length === 0}
          onClick={() => {
            setBusy(true);
            setOutcome(null);
            void add().finally(() => {
              setBusy(false);
            });
          }}
        >
          {t('settings.protectedEmails.addButton')}
        </LoadingButton>
      </Inline>
      {outcome?.kind === 'failed' && <ErrorBox error={outcome.error} />}
      {outcome?.kind === 'added' && (
        <SectionMessage appearance={outcome.refused.length === 0 ? 'success' : 'warning'}>
          <Text>{t('settings.protectedEmails.added', { count: outcome.added, formatted: fmt.number(outcome.added) })}</Text>
          {outcome.refused.length > 0 && <Text>{t('settings.protectedEmails.notAdded', { count: outcome.refused.length, formatted: fmt.number(outcome.refused.length) })}</Text>}
          {outcome.refused.length > 0 && (
            <List type="unordered">
              {outcome.refused.map((r) => (
                <ListItem key={`${r.index}`}>{t('settings.protectedEmails.refused', { entry: r.entry, reason: t(r.messageKey) })}</ListItem>
              ))}
            </List>
          )}
        </SectionMessage>
      )}
    </Stack>
  );
};
