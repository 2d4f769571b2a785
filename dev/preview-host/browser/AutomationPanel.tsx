/**
 * The preview's view of Atlassian Automation: the incoming-webhook rule the local receiver offers (its URL and
 * secret, to paste into the app's Settings → Automation webhooks), buttons that make the next deliveries fail, and
 * every payload the receiver got, newest first.
 */
import React, { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';

interface Rule { id: string; name: string; url: string; secret: string }
interface Received { at: string; ruleName: string | null; path: string; tokenOk: boolean; status: number; body: unknown }
interface State { rules: Rule[]; received: Received[] }

const load = async (): Promise<State | null> => {
  const response = await fetch('/__preview/dev/automation').catch(() => null);
  return response?.ok === true ? ((await response.json()) as State) : null;
};

const post = (path: string, body: unknown): Promise<unknown> =>
  fetch(`/__preview/dev/automation/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const field = (body: unknown, name: string): string => {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

const mono: React.CSSProperties = { fontFamily: 'monospace', fontSize: 11, wordBreak: 'break-all' };

/** One received request: status, trigger and summary; the payload on demand. */
const Row = ({ item }: { item: Received }): React.JSX.Element => (
  <details data-testid="automation-received" style={{ borderTop: '1px solid var(--ds-border, #dcdfe4)', padding: '4px 0' }}>
    <summary style={{ cursor: 'pointer', fontSize: 12 }}>
      <Lozenge appearance={item.status < 300 ? 'success' : 'removed'}>{String(item.status)}</Lozenge>{' '}
      {new Date(item.at).toLocaleTimeString()} · {item.ruleName ?? item.path} · {field(item.body, 'trigger')} — {field(item.body, 'summary')}
      {item.tokenOk ? '' : ' (token missing or wrong)'}
    </summary>
    <pre style={{ ...mono, whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto', margin: '4px 0' }}>{JSON.stringify(item.body, null, 2)}</pre>
  </details>
);

/** The panel; polls the receiver every two seconds while open. */
export const AutomationPanel = (): React.JSX.Element => {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State | null>(null);
  useEffect(() => {
    let alive = true;
    const tick = (): void => { void load().then((s) => { if (alive) setState(s); }); };
    tick();
    const timer = setInterval(tick, 2000);
    return () => { alive = false; clearInterval(timer); };
  }, []);
  const received = [...(state?.received ?? [])].reverse();
  return (
    <div data-testid="automation-panel" style={{ borderBottom: '1px solid var(--ds-border, #dcdfe4)', padding: '4px 24px', background: 'var(--ds-surface-sunken, #f7f8f9)' }}>
      <Inline space="space.100" alignBlock="center">
        <Button spacing="compact" appearance="subtle" onClick={() => { setOpen(!open); }}>
          {`${open ? '▾' : '▸'} Automation webhooks received: ${String(received.length)}`}
        </Button>
        {open && <Button spacing="compact" onClick={() => { void post('fault', { status: 503, count: 2 }); }}>Next 2 answer 503</Button>}
        {open && <Button spacing="compact" onClick={() => { void post('fault', { status: 429, retryAfterSeconds: 60 }); }}>Next answers 429</Button>}
        {open && <Button spacing="compact" onClick={() => { void post('fault', { delayMs: 20_000 }); }}>Next answers slowly</Button>}
        {open && <Button spacing="compact" onClick={() => { void post('clear', {}); }}>Clear</Button>}
      </Inline>
      {open && (
        <Stack space="space.100">
          {(state?.rules ?? []).map((rule) => (
            <Stack key={rule.id} space="space.050">
              <Text size="small" weight="bold">{`Rule "${rule.name}" — paste into Settings → Automation webhooks:`}</Text>
              <span style={mono} data-testid="automation-rule-url">{rule.url}</span>
              <span style={mono} data-testid="automation-rule-secret">{rule.secret}</span>
            </Stack>
          ))}
          <div style={{ maxHeight: 320, overflow: 'auto' }}>
            {received.length === 0 ? <Text size="small">Nothing received yet. Add a target in Settings and press Send test.</Text> : received.map((item, i) => <Row key={`${item.at}-${String(i)}`} item={item} />)}
          </div>
        </Stack>
      )}
    </div>
  );
};
