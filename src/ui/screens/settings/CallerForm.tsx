import React, { useState } from 'react';
import { Button, Checkbox, Code, Inline, LoadingButton, SectionMessage, Stack, Text } from '@forge/react';
import { callerActions, type CallerActionDto, type Failure } from '../../../contract';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';

/** The new caller's token, shown once: it is never readable again. */
const TokenOnce = (props: { name: string; token: string; onDone: () => void }): React.JSX.Element => {
  const { t } = useLocale();
  return (
    <SectionMessage appearance="success" title={t('callers.token.title', { name: props.name })}>
      <Stack space="space.100">
        <Text>{t('callers.token.body')}</Text>
        <Code>{props.token}</Code>
        <Inline>
          <Button onClick={props.onDone}>{t('callers.token.done')}</Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
};

/** S10: a name and the actions the caller may request → "Create caller" → its token, once. */
export const CallerForm = (props: { onCreated: () => void }): React.JSX.Element => {
  const { t } = useLocale();
  const [name, setName] = useState('');
  const [actions, setActions] = useState<CallerActionDto[]>(['deactivate', 'job-status']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  if (created !== null) return <TokenOnce {...created} onDone={() => { setCreated(null); }} />;
  const toggle = (action: CallerActionDto, on: boolean): void => {
    setActions((current) => callerActions.filter((a) => (a === action ? on : current.includes(a))));
  };
  const create = (): void => {
    setBusy(true);
    setError(null);
    void call('callers.create', { name, actions }).then((answer) => {
      setBusy(false);
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      setName('');
      setCreated({ name: answer.data.caller.name, token: answer.data.token });
      props.onCreated();
    });
  };
  return (
    <Stack space="space.100">
      <TextField id="caller-name" label={t('callers.form.name')} value={name} onChange={setName} />
      <Text>{t('callers.form.actions')}</Text>
      {callerActions.map((action) => (
        <Checkbox
          key={action}
          id={`caller-action-${action}`}
          label={t(`callers.actions.${action}`)}
          isChecked={actions.includes(action)}
          onChange={(event) => { toggle(action, event.target.checked === true); }}
        />
      ))}
      {error !== null && <ErrorBox error={error} />}
      <Inline>
        <LoadingButton appearance="primary" isLoading={busy} isDisabled={name.trim() === '' || actions.length === 0} onClick={create}>
          {t('callers.form.create')}
        </LoadingButton>
      </Inline>
    </Stack>
  );
};
