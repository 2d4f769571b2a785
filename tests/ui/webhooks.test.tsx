import { findAll } from '../support/fakeBridge';
import { calls, click, fail, ok, pick, renderApp, tableRows, text, type, waitFor } from './helpers';
import { settings } from './fixtures';
import type { WebhookDeliveryDto, WebhooksViewDto } from '../../src/contract';

const URL_A = 'https://api-private.atlassian.com/automation/webhooks/jira/a/57f62d85-1b6e-4a44-af5e-0927141b6746/019e4453-d451-7d8f-9462-0dfdd31b50c4';
const SECRET = 'f3a9c2e1d4b5a6978877665544332211ffeeddcc';

const delivery = (overrides: Partial<WebhookDeliveryDto> = {}): WebhookDeliveryDto => ({
  id: 'wh-1',
  trigger: 'task-failed',
  targetUrl: URL_A,
  part: 1,
  parts: 1,
  test: true,
  status: 'delivered',
  attempts: 1,
  httpStatus: 200,
  error: null,
  createdAt: '2026-01-31T10:00:00.000Z',
  updatedAt: '2026-01-31T10:00:01.000Z',
  nextAttemptAt: null,
  ...overrides,
});

const world = () => {
  let view: WebhooksViewDto = { targets: [], maxTargetsPerTrigger: 3 };
  const log: WebhookDeliveryDto[] = [];
  const handlers = {
    'settings.get': () => ok(settings()),
    'sync.status': () => ok(null),
    'statistics.get': () => ok({ totalUsers: 1, totalGroups: 1, groups: [] }),
    'webhooks.get': () => ok(view),
    'webhooks.deliveries': () => ok({ items: log, next: null }),
    'webhooks.addTarget': (p: { trigger: string; url: string; secret: string }) => {
      if (!p.url.startsWith('https://api-private.atlassian.com/')) {
        return fail('VALIDATION_FAILED', { issues: [{ path: 'url', messageKey: 'webhooks.reasons.url-wrong-host', message: 'x' }] });
      }
      view = { ...view, targets: [...view.targets, { id: 't-1', trigger: p.trigger as 'task-failed', url: p.url, secretLastFour: p.secret.slice(-4), createdAt: '2026-01-31T09:00:00.000Z' }] };
      return ok(view);
    },
    'webhooks.test': () => {
      const queued = delivery({ status: 'queued', attempts: 0, httpStatus: null });
      log.unshift(delivery({ status: 'retrying', attempts: 2, httpStatus: 503, error: 'SERVER_ERROR', test: false, nextAttemptAt: '2026-01-31T10:05:00.000Z' }));
      log.unshift(delivery({ id: 'wh-2', status: 'failed', httpStatus: 401, error: 'TARGET_REJECTED' }));
      return ok(queued);
    },
  };
  return { handlers };
};

const logRows = (): string[][] => {
  const table = findAll('DynamicTable').find((t) => t.props.caption === 'Automation webhook deliveries, newest first');
  return table === undefined ? [] : tableRows(table);
};

describe('Settings — Automation webhooks (S7)', () => {
  it('adds a target (a refused URL says why), sends a test and shows the delivery log with outcomes', async () => {
    const { handlers } = world();
    await renderApp(handlers, 'Settings');
    await waitFor(() => text().includes('Automation webhooks') && text().includes('Nothing delivered yet.'));
    pick('webhook-trigger', 'task-failed');
    type('webhook-url', 'https://hooks.example.com/x');
    type('webhook-secret', SECRET);
    click('Add target');
    await waitFor(() => text().includes('Only Atlassian Automation incoming-webhook URLs'));
    type('webhook-url', URL_A);
    click('Add target');
    await waitFor(() => text().includes(URL_A));
    expect(text()).toContain('Secret ending in ddcc');
    expect(text()).not.toContain(SECRET);
    const secretField = findAll('Textfield').find((f) => String(f.props.id).endsWith('webhook-secret'));
    expect(secretField?.props.type).toBe('password');
    expect(secretField?.props.value).toBe('');
    click('Send test');
    await waitFor(() => text().includes('Test for "Automated task failed" queued'));
    await waitFor(() => logRows().length === 2);
    const rows = logRows();
    expect([rows[0]?.[1], rows[0]?.[2], rows[0]?.[4], rows[0]?.[5]]).toEqual(['Automated task failed (test)', '…/0dfdd31b50c4', '1', '401']);
    expect(rows[0]!.join(' ')).toContain('Refused: check the URL and secret, or whether the rule is enabled.');
    expect(rows[1]!.join(' ')).toContain('Will retry');
    expect(rows[1]!.join(' ')).toContain('Automation answered with an error.');
    expect(rows[1]!.join(' ')).toContain('503');
    expect(calls('webhooks.test')).toEqual([{ targetId: 't-1' }]);
  });
});
