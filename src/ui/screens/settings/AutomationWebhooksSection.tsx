import React, { useState } from 'react';
import { Button, Inline, Stack, Text } from '@forge/react';
import { webhookTriggers, type Failure, type WebhookTargetDto, type WebhooksViewDto } from '../../../contract';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { LoadView, Note } from '../../components/LoadView';
import { useLoad } from '../../hooks/useLoad';
import { useLocale } from '../../i18n/LocaleContext';
import { DeliveryLog } from './DeliveryLog';
import { Section } from './Section';
import { WebhookTargetForm } from './WebhookTargetForm';

/** One target: its URL, the secret's last 4 characters, Send test and Remove. */
const TargetRow = (props: { target: WebhookTargetDto; onTest: () => void; onRemove: () => void }): React.JSX.Element => {
  const { t } = useLocale();
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <Text>{props.target.url}</Text>
      <Text color="color.text.subtlest">{t('webhooks.secretEnding', { lastFour: props.target.secretLastFour })}</Text>
      <Button appearance="default" onClick={props.onTest}>
        {t('webhooks.sendTest')}
      </Button>
      <Button appearance="subtle" onClick={props.onRemove}>
        {t('webhooks.remove')}
      </Button>
    </Inline>
  );
};

/**
 * S7 Automation webhooks: per trigger, its targets (up to 3) with Send test and Remove; a form to add one; the
 * delivery log. A test is queued like any delivery: the log shows how it went.
 */
export const AutomationWebhooksSection = (): React.JSX.Element => {
  const { t } = useLocale();
  const [load, reload] = useLoad(() => call('webhooks.get', {}), []);
  const [view, setView] = useState<WebhooksViewDto | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [notice, setNotice] = useState('');
  const [logVersion, setLogVersion] = useState(0);
  const changed = (next: WebhooksViewDto): void => {
    setView(next);
    setError(null);
  };
  const test = (target: WebhookTargetDto): void => {
    setNotice('');
    void call('webhooks.test', { targetId: target.id }).then((answer) => {
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      setNotice(t('webhooks.testQueued', { trigger: t(`webhooks.triggers.${target.trigger}.name`) }));
      setLogVersion((v) => v + 1);
    });
  };
  const remove = (target: WebhookTargetDto): void => {
    void call('webhooks.removeTarget', { targetId: target.id }).then((answer) => {
      if (answer.ok) changed(answer.data);
      else setError(answer.error);
    });
  };
  return (
    <Section title={t('webhooks.title')} description={t('webhooks.description')}>
      <Note>{t('webhooks.howTo')}</Note>
      <LoadView load={load} onRetry={reload}>
        {(loaded) => {
          const current = view ?? loaded;
          return (
            <Stack space="space.200">
              {webhookTriggers.map((trigger) => {
                const targets = current.targets.filter((x) => x.trigger === trigger);
                return (
                  <Stack key={trigger} space="space.050">
                    <Text weight="bold">{t(`webhooks.triggers.${trigger}.name`)}</Text>
                    <Note>{t(`webhooks.triggers.${trigger}.description`)}</Note>
                    {targets.length === 0 ? <Note>{t('webhooks.noTargets')}</Note> : targets.map((x) => <TargetRow key={x.id} target={x} onTest={() => { test(x); }} onRemove={() => { remove(x); }} />)}
                  </Stack>
                );
              })}
              {error !== null && <ErrorBox error={error} />}
              {notice !== '' && <Text>{notice}</Text>}
              <WebhookTargetForm onSaved={changed} />
              <DeliveryLog version={logVersion} />
            </Stack>
          );
        }}
      </LoadView>
    </Section>
  );
};
