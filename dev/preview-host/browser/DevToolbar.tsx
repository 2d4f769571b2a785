/**
 * The preview's own toolbar above the app: who you are, the queue (events waiting and delivered), and a button
 * that fires the manifest's scheduled trigger now instead of waiting an hour.
 */
import React, { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Text } from '@atlaskit/primitives';

interface Status {
  queue: { pending: number; delivered: number };
  triggers: { key: string; interval: string }[];
}

interface TriggerRun {
  key: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const loadStatus = async (): Promise<Status | null> => {
  const response = await fetch('/__preview/dev/status').catch(() => null);
  return response?.ok === true ? ((await response.json()) as Status) : null;
};

/** The toolbar; polls the dev status every two seconds. */
export const DevToolbar = (props: { banner: string }): React.JSX.Element => {
  const [status, setStatus] = useState<Status | null>(null);
  const [running, setRunning] = useState(false);
  const [last, setLast] = useState<string>('');
  useEffect(() => {
    let alive = true;
    const tick = (): void => { void loadStatus().then((s) => { if (alive) setStatus(s); }); };
    tick();
    const timer = setInterval(tick, 2000);
    return () => { alive = false; clearInterval(timer); };
  }, []);
  const triggers = status?.triggers ?? [];
  const fire = async (): Promise<void> => {
    setRunning(true);
    const response = await fetch('/__preview/dev/trigger', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { runs } = (await response.json()) as { runs: TriggerRun[] };
    setLast(runs.map((r) => (r.ok ? `${r.key}: ran in ${String(r.ms)} ms` : `${r.key}: failed — ${r.error ?? ''}`)).join('; '));
    setRunning(false);
  };
  return (
    <div data-testid="preview-toolbar" style={{ background: 'var(--ds-surface-sunken, #f7f8f9)', borderBottom: '1px solid var(--ds-border, #dcdfe4)', padding: '6px 24px' }}>
      <Inline space="space.200" alignBlock="center" shouldWrap spread="space-between">
        <Inline space="space.100" alignBlock="center">
          <Lozenge appearance="new">Local preview</Lozenge>
          <Text size="small">{props.banner}</Text>
        </Inline>
        <Inline space="space.150" alignBlock="center">
          <Text size="small">{status === null ? 'queue: …' : `queue: ${String(status.queue.pending)} waiting · ${String(status.queue.delivered)} delivered`}</Text>
          {last === '' ? null : <Text size="small" color="color.text.subtle">{last}</Text>}
          <Button spacing="compact" isDisabled={triggers.length === 0} isLoading={running} onClick={() => { void fire(); }}>
            {triggers.length === 0 ? 'No scheduled trigger' : 'Run hourly trigger'}
          </Button>
        </Inline>
      </Inline>
    </div>
  );
};
