import React, { useState } from 'react';
import { Inline, LoadingButton, Stack, useProductContext } from '@forge/react';
import { webhookTriggers, type Failure, type WebhookTriggerDto, type WebhooksViewDto } from '../../../contract';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';

/** A CONFLICT with a known reason (`too-many-targets`, `duplicate-target`) told in words; any other failure as is. */
const explained = (error: Failure): Failure => {
  const reason = error.details?.reason;
  return error.code === 'CONFLICT' && typeof reason === 'string' ? { ...error, messageKey: `webhooks.conflict.${reason}` } : error;
};

/**
 * S7: a new target — the trigger, the rule's incoming-webhook URL and its secret (masked). The server checks both
 * and says why it refuses one; the secret is cleared once saved and never shown again.
 */
export const WebhookTargetForm = (props: { onSaved: (view: WebhooksViewDto) => void }): React.JSX.Element => {
  const { t } = useLocale();
  const siteUrl = useProductContext()?.siteUrl;
  const [trigger, setTrigger] = useState<WebhookTriggerDto>('task-failed');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const add = (): void => {
    setBusy(true);
    setError(null);
    void call('webhooks.addTarget', { trigger, url, secret, ...(siteUrl === undefined ? {} : { siteUrl }) }).then((answer) => {
      setBusy(false);
      if (!answer.ok) {
        setError(explained(answer.error));
        return;
      }
      setUrl('');
      setSecret('');
      props.onSaved(answer.data);
    });
  };
  return (
    <Stack space="space.100">
      <SelectField
        id="webhook-trigger"
        label={t('webhooks.form.trigger')}
        options={webhookTriggers.map((value) => ({ value, label: t(`webhooks.triggers.${value}.name`) }))}
        value={trigger}
        onChange={setTrigger}
      />
      <TextField id="webhook-url" label={t('webhooks.form.url')} value={url} onChange={setUrl} placeholder="https://api-private.atlassian.com/automation/webhooks/…" />
      <TextField id="webhook-secret" type="password" label={t('webhooks.form.secret')} value={secret} onChange={setSecret} />
      {error !== null && <ErrorBox error={error} />}
      <Inline>
        <LoadingButton appearance="primary" isLoading={busy} isDisabled={url.trim() === '' || secret === ''} onClick={add}>
          {t('webhooks.form.add')}
        </LoadingButton>
      </Inline>
    </Stack>
  );
};
