import { findAll } from '../support/fakeBridge';
import { byId, calls, check, click, elementProps, fail, ok, pick, rawKeys, renderApp, tableRows, text, textOf, type, waitFor } from './helpers';
import { dashboard, page } from './fixtures';
import type { TaskDto, TaskListItemDto, TasksListDto, TasksSavePayload } from '../../src/contract';

type Handler = (payload: never) => unknown;

const task = (overrides: Partial<TaskListItemDto> = {}): TaskListItemDto => ({
  id: 't-1',
  name: 'Contractors out',
  enabled: true,
  rule: { kind: 'inactive', minInactiveDays: 60, products: ['confluence'] },
  filter: { includeGroupIds: ['g-1'], excludeGroupIds: [], accountTypes: ['external'], billableOnly: false },
  action: { type: 'deactivate' },
  schedule: { days: [1, 4], hour: 6 },
  noticeDays: 7,
  safetyCap: 50,
  createdAt: '2026-01-30T10:00:00.000Z',
  updatedAt: '2026-01-31T10:00:00.000Z',
  groupNames: { 'g-1': 'Contractors' },
  nextRunAt: '2026-02-02T05:00:00.000Z',
  lastRun: { status: 'failed', reason: 'safety-cap-exceeded', startedAt: '2026-01-29T05:00:00.000Z', finishedAt: '2026-01-29T05:01:00.000Z' },
  ...overrides,
});

/** Chooses these values in the multiple Select whose input has this id. */
const pickMany = (id: string, values: string[]): void => {
  const select = byId('Select', id, 'inputId');
  const options = select.props.options as { value: string }[];
  (select.props.onChange as (o: unknown) => void)(options.filter((o) => values.includes(o.value)));
};

const listOf = (items: TaskListItemDto[]): TasksListDto => ({ timeZone: 'Europe/Berlin', syncHour: 3, items });
const dtoOf = ({ nextRunAt: _n, lastRun: _l, ...rest }: TaskListItemDto): TaskDto => rest;

const open = async (items: TaskListItemDto[], extra: Record<string, Handler> = {}): Promise<void> => {
  await renderApp({ 'tasks.list': () => ok(listOf(items)), 'dashboard.get': () => ok(dashboard()), 'groups.search': () => ok(page([])), ...extra }, 'Automated tasks');
  await waitFor(() => text().includes('Create task'));
};

describe('Automated tasks tab (T4)', () => {
  it('lists each task: rule in words, action, schedule and next run in the site zone, last outcome, state', async () => {
    await open([task(), task({ id: 't-2', name: 'Seat cap', enabled: false, nextRunAt: null, lastRun: null, filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed', 'external'], billableOnly: false },
      rule: { kind: 'seat-cap', product: { productKey: 'jira-software', resourceId: 'res-jira' }, maxSeats: 80 },
      action: { type: 'propose', change: { type: 'revoke', products: [{ productKey: 'jira-software', resourceId: 'res-jira' }] } }, schedule: { days: 'daily', hour: 22 } })]);
    await waitFor(() => tableRows().length === 2);
    const [first, second] = tableRows();
    expect(first?.slice(0, 7)).toEqual([
      'Contractors out',
      'Inactive for at least 60 days in Confluence only members of Contractors; external accounts only',
      'Deactivate (external accounts are suspended)',
      'Mon and Thu, 06:00 AM – 07:00 AM (Europe/Berlin)',
      'Feb 2, 2026, 06:00 AM (Europe/Berlin)',
      expect.stringMatching(/^Failed .* — it would have changed more users than its safety cap$/) as unknown,
      'Enabled',
    ]);
    expect(second?.slice(1, 7)).toEqual([
      'Keep Jira at or under 80 seats, longest inactive first',
      'Propose for review: Remove access to Jira',
      'Every day, 10:00 PM – 11:00 PM (Europe/Berlin)',
      'Not scheduled while disabled',
      'Not run yet',
      'Disabled',
    ]);
    expect(rawKeys()).toEqual([]);
    expect(elementProps()).toEqual([]);
  });

  it('creates a task from the editor and sends exactly what the admin chose', async () => {
    let items: TaskListItemDto[] = [];
    await open([], {
      'tasks.list': () => ok(listOf(items)),
      'tasks.save': (payload: TasksSavePayload) => {
        items = [task({ ...payload.task, id: 't-new', groupNames: {} })];
        return ok({ task: dtoOf(items[0] as TaskListItemDto), warnings: [] });
      },
      'tasks.get': () => ok(dtoOf(items[0] as TaskListItemDto)),
    });
    expect(findAll('EmptyState')[0]?.props.header).toBe('No automated tasks yet');
    click('Create task');
    await waitFor(() => text().includes('New task'));
    type('task-name', 'Overdue notice');
    pick('task-rule-kind', 'state');
    pick('task-action', 'propose');
    pick('task-propose-change', 'revoke');
    check('Every day', false);
    check('Fri');
    pick('task-hour', '7');
    type('task-notice-days', '3');
    check('Managed accounts', false);
    check('Billable users only');
    pickMany('task-scope', ['jira-software']);
    await waitFor(() => findAll('Select').some((s) => String(s.props.inputId).endsWith('task-revoke-products')));
    pickMany('task-revoke-products', ['confluence|res-conf']);
    click('Create task');
    await waitFor(() => calls('tasks.save').length === 1);
    expect(calls('tasks.save')[0]).toEqual({
      id: null,
      expectedUpdatedAt: null,
      task: {
        name: 'Overdue notice',
        enabled: true,
        rule: { kind: 'state', state: 'overdue', products: ['jira-software'] },
        filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['external'], billableOnly: true },
        action: { type: 'propose', change: { type: 'revoke', products: [{ productKey: 'confluence', resourceId: 'res-conf' }] } },
        schedule: { days: [1, 5], hour: 7 },
        noticeDays: 3,
        safetyCap: 100,
      },
    });
    await waitFor(() => findAll('SectionMessage').some((m) => m.props.title === 'Task Overdue notice saved'));
  });

  it('a seat cap removes its own product: choosing it turns Deactivate into that removal', async () => {
    await open([], { 'tasks.save': () => fail('INTERNAL') });
    click('Create task');
    await waitFor(() => text().includes('New task'));
    type('task-name', 'Jira seats');
    pick('task-rule-kind', 'seat-cap');
    await waitFor(() => findAll('Select').some((s) => String(s.props.inputId).endsWith('task-seat-product')));
    pick('task-seat-product', 'jira-software|res-jira');
    type('task-max-seats', '80');
    expect((byId('Select', 'task-action', 'inputId').props.options as { value: string }[]).map((o) => o.value)).toEqual(['revoke', 'notify', 'propose']);
    await waitFor(() => text().includes('Removes access to Jira, the product of the seat cap.'));
    click('Create task');
    await waitFor(() => calls('tasks.save').length === 1);
    expect(calls('tasks.save')[0]).toMatchObject({
      task: {
        rule: { kind: 'seat-cap', product: { productKey: 'jira-software', resourceId: 'res-jira' }, maxSeats: 80 },
        action: { type: 'revoke', products: [{ productKey: 'jira-software', resourceId: 'res-jira' }] },
      },
    });
  });

  it('shows each refused field beside it, translated, and keeps the form as typed', async () => {
    const issues = [
      { path: 'schedule.hour', messageKey: 'validation.task.schedule-in-sync-slot', message: 'x' },
      { path: 'noticeDays', messageKey: 'validation.task.notice-with-notify-only', message: 'x' },
    ];
    await open([], { 'tasks.save': () => fail('VALIDATION_FAILED', { issues }) });
    click('Create task');
    await waitFor(() => text().includes('New task'));
    type('task-name', 'Bad');
    type('task-days', 'ten');
    click('Create task');
    await waitFor(() => text().includes('Enter a whole number.'));
    expect(calls('tasks.save')).toEqual([]);
    type('task-days', '10');
    click('Create task');
    await waitFor(() => text().includes('This is the hour of the daily sync'));
    const errors = findAll('ErrorMessage').map((e) => textOf(e));
    expect(errors).toEqual([expect.stringContaining('daily sync') as unknown, expect.stringContaining('notify-only task') as unknown]);
    expect(text()).toContain('Nothing was saved. Check the fields marked below.');
    expect(rawKeys()).toEqual([]);
  });

  it('opens a task to edit it, saves twice in a row, and says so when someone else saved it first', async () => {
    let stored = dtoOf(task());
    let saves = 0;
    await open([task()], {
      'tasks.get': () => ok(stored),
      'tasks.save': (payload: TasksSavePayload) => {
        saves += 1;
        if (saves === 3) return fail('CONFLICT');
        stored = { ...stored, ...payload.task, updatedAt: `2026-02-0${String(saves)}T10:00:00.000Z` };
        return ok({ task: stored, warnings: [] });
      },
    });
    await waitFor(() => tableRows().length === 1);
    click('Open');
    await waitFor(() => text().includes('Task Contractors out'));
    type('task-safety-cap', '20');
    click('Save task');
    await waitFor(() => calls('tasks.save').length === 1 && calls('tasks.get').length === 2);
    expect(calls('tasks.save')[0]).toMatchObject({ id: 't-1', expectedUpdatedAt: '2026-01-31T10:00:00.000Z', task: { safetyCap: 20, noticeDays: 7, schedule: { days: [1, 4], hour: 6 } } });
    await waitFor(() => findAll('SectionMessage').some((m) => m.props.title === 'Task Contractors out saved'));
    type('task-notice-days', '3');
    click('Save task');
    await waitFor(() => calls('tasks.save').length === 2);
    expect(calls('tasks.save')[1]).toMatchObject({ expectedUpdatedAt: '2026-02-01T10:00:00.000Z', task: { safetyCap: 20, noticeDays: 3 } });
    await waitFor(() => calls('tasks.get').length === 3);
    type('task-safety-cap', '30');
    click('Save task');
    await waitFor(() => findAll('SectionMessage').some((m) => m.props.appearance === 'error'));
    expect(rawKeys()).toEqual([]);
  });

  it('duplicates, disables and — after confirming — deletes a task', async () => {
    await open([task()], {
      'tasks.duplicate': () => ok({ task: dtoOf(task({ id: 't-2', name: 'Copy of Contractors out', enabled: false })), warnings: [] }),
      'tasks.setEnabled': () => ok({ task: dtoOf(task({ enabled: false })), warnings: [] }),
      'tasks.delete': () => ok({ deleted: true }),
    });
    await waitFor(() => tableRows().length === 1);
    click('Duplicate');
    await waitFor(() => calls('tasks.duplicate').length === 1);
    expect(calls('tasks.duplicate')).toEqual([{ id: 't-1', name: 'Copy of Contractors out' }]);
    click('Disable');
    await waitFor(() => calls('tasks.setEnabled').length === 1);
    expect(calls('tasks.setEnabled')).toEqual([{ id: 't-1', enabled: false }]);
    click('Delete');
    await waitFor(() => findAll('SectionMessage').some((m) => m.props.title === 'Delete task Contractors out?'));
    expect(calls('tasks.delete')).toEqual([]);
    click('Delete task');
    await waitFor(() => calls('tasks.delete').length === 1);
    expect(calls('tasks.delete')).toEqual([{ id: 't-1' }]);
  });
});
