import { bridge, findAll, type ForgeDoc } from '../support/fakeBridge';
import { calls, check, click, ok, pick, renderApp, text, textOf, waitFor } from './helpers';
import { bulkJob, dashboard, page, user } from './fixtures';

type ListPayload = { after: string | null; limit: number };

const deactivatePlan = ok({
  action: { type: 'deactivate' },
  summary: { total: 1, willChange: 1, skipped: 0, byMethod: { 'lifecycle-disable': 1 }, skippedByReason: {} },
  items: [],
  moreItems: false,
});

const handlers = (overrides: Record<string, (payload: never) => unknown> = {}) => ({
  'dashboard.get': () => ok(dashboard()),
  'groups.search': () => ok(page([])),
  'bulk.status': () => ok(null),
  'users.count': () => ok({ count: 1234 }),
  'users.list': () => ok(page([user(1), user(2)], 'cursor-2')),
  ...overrides,
});

const openUsers = async (overrides: Record<string, (payload: never) => unknown> = {}): Promise<void> => {
  await renderApp(handlers(overrides), 'Users');
  await waitFor(() => text().includes('User 2') && text().includes('1,234 users match'));
};

/** Every node of the rendered tree in document order: what comes first is drawn higher on the page. */
const inOrder = (doc: ForgeDoc | null = bridge.doc): ForgeDoc[] => (doc === null ? [] : [doc, ...doc.children.flatMap((c) => inOrder(c))]);
const positionOf = (match: (node: ForgeDoc) => boolean): number => {
  const at = inOrder().findIndex(match);
  if (at < 0) throw new Error(`Not rendered; the page shows: ${text()}`);
  return at;
};
const usersTable = (node: ForgeDoc): boolean => node.type === 'DynamicTable' && node.props.caption === 'Organization users';
const button = (label: string) => (node: ForgeDoc): boolean => node.type === 'Button' && textOf(node) === label;

describe('Users list layout at 1,024 px (U6)', () => {
  it('shows 25 users a page by default and 50 or 100 on request, from page 1, with the total', async () => {
    await openUsers();
    expect((calls('users.list')[0] as ListPayload).limit).toBe(25);
    expect(text()).toContain('Rows 1–2 of 1,234');
    click('Next');
    await waitFor(() => text().includes('Page 2'));
    pick('users-page-size', '100');
    await waitFor(() => (calls('users.list').at(-1) as ListPayload).limit === 100);
    expect(calls('users.list').at(-1)).toMatchObject({ limit: 100, after: null });
    await waitFor(() => text().includes('Page 1'));
    expect(text()).toContain('Rows 1–2 of 1,234');
  });

  it('puts the selection and the action bar above the table', async () => {
    await openUsers();
    check('Select User 1');
    await waitFor(() => text().includes('1 user selected'));
    expect(positionOf(button('Review plan'))).toBeLessThan(positionOf(usersTable));
    expect(positionOf((node) => textOf(node) === '1 user selected')).toBeLessThan(positionOf(usersTable));
  });

  it('names each row checkbox for screen readers only: no visible label, a visually hidden Label for it', async () => {
    await openUsers();
    const table = findAll('DynamicTable').find(usersTable);
    const boxes = findAll('Checkbox', table ?? null);
    expect(boxes).toHaveLength(3);
    for (const box of boxes) expect(box.props.label).toBeUndefined();
    const hidden = findAll('Box', table ?? null).filter((b) => {
      const style = b.props.xcss as Record<string, unknown> | undefined;
      return style?.width === '1px' && style.height === '1px' && style.overflow === 'hidden';
    });
    const labels = hidden.flatMap((b) => findAll('Label', b)).map((l) => ({ labelFor: l.props.labelFor, text: textOf(l) }));
    expect(labels).toEqual(boxes.map((b, i) => ({ labelFor: b.props.id, text: ['Select all on this page', 'Select User 1', 'Select User 2'][i] })));
  });

  it('after Confirm shows the job, then its outcome, above the list, and keeps the list on screen while it refreshes', async () => {
    let status = bulkJob({ total: 1, processed: 0, succeeded: 0, percent: 0 });
    let finished = false;
    let answerList: (() => void) | null = null;
    await openUsers({
      'bulk.plan': () => deactivatePlan,
      'bulk.start': () => ok(status),
      'bulk.status': (p: { jobId?: string }) => ok(p.jobId === undefined ? null : status),
      'jobs.results': () => ok(page([])),
      'users.list': () => {
        const answer = ok(page([user(1), user(2)], 'cursor-2'));
        return finished ? new Promise((resolve) => { answerList = () => { resolve(answer); }; }) : answer;
      },
    });
    check('Select User 1');
    click('Review plan');
    await waitFor(() => findAll('Modal').length > 0);
    click('Deactivate 1 user');
    await waitFor(() => findAll('ProgressBar').length > 0);
    expect(positionOf((node) => node.type === 'ProgressBar')).toBeLessThan(positionOf(usersTable));
    const listsBefore = calls('users.list').length;
    finished = true;
    status = bulkJob({ status: 'succeeded', total: 1, processed: 1, succeeded: 1, percent: 100 });
    await waitFor(() => calls('users.list').length > listsBefore);
    const outcome = (node: ForgeDoc): boolean => node.type === 'SectionMessage' && node.props.title === 'Deactivate: finished';
    await waitFor(() => findAll('SectionMessage').some(outcome));
    expect(positionOf(outcome)).toBeLessThan(positionOf(usersTable));
    expect(findAll('Spinner')).toEqual([]);
    (answerList as (() => void) | null)?.();
    click('Close');
    await waitFor(() => text().includes('0 users selected'));
    expect(findAll('DynamicTable').some(usersTable)).toBe(true);
  });
});
