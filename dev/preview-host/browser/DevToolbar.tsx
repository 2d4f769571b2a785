/**
 * The preview's own toolbar above the app: who you are, the queue (events waiting and delivered), a button that
 * fires the manifest's scheduled trigger now instead of waiting an hour, and the preview's date with "+1 day" (the
 * app's clock and the simulated organization's activity move forward together).
 */
import React, { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Text } from '@atlaskit/primitives';

interface Status {
  queue: { pending: number; delivered: number };
  triggers: { key: string; interval: string }[];
  clock: { now: string; daysAhead: number };
}

interface TriggerRun {
  key: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const postJson = async (path: string, body: unknown): Promise<unknown> => {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
};

const dateLabel = (clock: Status['clock']): string => {
  const day = new Date(clock.now).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
  return clock.daysAhead === 0 ? `today: ${day}` : `today: ${day} (+${String(clock.daysAhead)} ${clock.daysAhead === 1 ? 'day' : 'days'})`;
};

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
  const clock = status?.clock ?? null;
  const fire = async (): Promise<void> => {
    setRunning(true);
    const { runs } = (await postJson('/__preview/dev/trigger', {})) as { runs: TriggerRun[] };
    setLast(runs.map((r) => (r.ok ? `${r.key}: ran in ${String(r.ms)} ms` : `${r.key}: failed — ${r.error ?? ''}`)).join('; '));
    setRunning(false);
  };
  const nextDay = async (): Promise<void> => {
    await postJson('/__preview/dev/clock', { days: 1 });
    setStatus(await loadStatus());
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
          {clock === null ? null : <Text size="small" testId="preview-date">{dateLabel(clock)}</Text>}
          <Button spacing="compact" isDisabled={clock === null} onClick={() => { void nextDay(); }}>+1 day</Button>
        </Inline>
      </Inline>
    </div>
  );
};
