import { findAll } from '../support/fakeBridge';
import React from 'react';
import { FilteredPagedTable, type AppliedFilter } from '../../src/ui/components/FilteredPagedTable';
import type { Envelope } from '../../src/ui/api';
import type { Page } from '../../src/ui/hooks/usePagedList';
import { click, isDisabled, mount, ok, pick, pressEnter, selectValue, tableRows, text, type, waitFor } from './helpers';

type Field = 'team' | 'city';
type Item = { id: string; name: string };
type Fetch = { filter: AppliedFilter<Field>; after: string | null };

/** The rows per page each fetch asked for, in order. */
let limits: number[] = [];

/** The shared list of U2 project users and U3 JSM customers, mounted on its own over a scripted fetch. */
const mountTable = async (answer: (request: Fetch) => Envelope<Page<Item>>, teams?: { value: string; label: string }[]): Promise<Fetch[]> => {
  const requests: Fetch[] = [];
  limits = [];
  const fetchPage = (filter: AppliedFilter<Field>, after: string | null, limit: number): Promise<Envelope<Page<Item>>> => {
    requests.push({ filter, after });
    limits.push(limit);
    return Promise.resolve(answer({ filter, after }));
  };
  await mount(
    <FilteredPagedTable
      filters={[
        { field: 'team', id: 'people-team', label: 'Team', ...(teams === undefined ? {} : { choices: teams }) },
        { field: 'city', id: 'people-city', label: 'City' },
      ]}
      fetchPage={fetchPage}
      pageSizeId="people-page-size"
      caption="People"
      columns={[{ key: 'id', content: 'ID' }, { key: 'name', content: 'Name' }]}
      row={(item) => ({ key: item.id, cells: [{ key: 'id', content: item.id }, { key: 'name', content: item.name }] })}
      empty={{ header: 'Nobody here', description: 'Change the filters.' }}
      footer={(filter) => <>{`Export ${JSON.stringify(filter)}`}</>}
    />,
    {},
  );
  return requests;
};

const people = (...names: string[]): Item[] => names.map((name) => ({ id: name.toLowerCase(), name }));

describe('FilteredPagedTable (project users, JSM customers)', () => {
  it('loads the first page unfiltered, with its caption, columns and the footer', async () => {
    const requests = await mountTable(() => ok({ items: people('Ada', 'Bo'), next: null }));
    await waitFor(() => tableRows().length === 2);
    expect(requests).toEqual([{ filter: {}, after: null }]);
    expect(tableRows()).toEqual([['ada', 'Ada'], ['bo', 'Bo']]);
    expect(findAll('DynamicTable')[0]!.props.caption).toBe('People');
    expect(text()).toContain('Rows 1–2');
    expect(text()).toContain('Export {}');
    expect(isDisabled('Previous')).toBe(true);
    expect(isDisabled('Next')).toBe(true);
  });

  it('applies the filters on Apply only, trimmed and without blank fields, and starts again at page 1', async () => {
    const requests = await mountTable(({ after }) => ok(after === null ? { items: people('Ada', 'Bo'), next: 'c2' } : { items: people('Cy'), next: null }));
    await waitFor(() => tableRows().length === 2);
    click('Next');
    await waitFor(() => text().includes('Page 2'));
    type('people-team', '  ops ');
    type('people-city', '   ');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toHaveLength(2);
    click('Apply');
    await waitFor(() => requests.length === 3);
    expect(requests[2]).toEqual({ filter: { team: 'ops' }, after: null });
    await waitFor(() => text().includes('Page 1'));
    expect(text()).toContain('Export {"team":"ops"}');
  });

  it('asks for 25 rows a page by default; 50 or 100 when picked, starting again at page 1 (U6)', async () => {
    const requests = await mountTable(({ after }) => ok(after === null ? { items: people('Ada', 'Bo'), next: 'c2' } : { items: people('Cy'), next: null }));
    await waitFor(() => tableRows().length === 2);
    expect(limits).toEqual([25]);
    expect(selectValue('people-page-size')).toBe('25');
    click('Next');
    await waitFor(() => text().includes('Page 2'));
    pick('people-page-size', '100');
    await waitFor(() => requests.length === 3);
    expect(requests[2]).toEqual({ filter: {}, after: null });
    expect(limits).toEqual([25, 25, 100]);
    await waitFor(() => text().includes('Page 1'));
    expect(text()).toContain('Rows 1–2');
  });

  it('pages by keyset cursor: Next sends the cursor, Previous goes back', async () => {
    const requests = await mountTable(({ after }) => ok(after === null ? { items: people('Ada', 'Bo'), next: 'c2' } : { items: people('Cy'), next: null }));
    await waitFor(() => tableRows().length === 2);
    click('Next');
    await waitFor(() => tableRows()[0]?.[1] === 'Cy');
    expect(requests.at(-1)).toEqual({ filter: {}, after: 'c2' });
    expect(text()).toContain('Page 2');
    expect(text()).toContain('Rows 26–26');
    expect(isDisabled('Next')).toBe(true);
    click('Previous');
    await waitFor(() => tableRows()[0]?.[1] === 'Ada');
    expect(requests.at(-1)).toEqual({ filter: {}, after: null });
  });

  it('shows the empty state for an empty first page, but the table and pager for an empty later page', async () => {
    await mountTable(() => ok({ items: [], next: null }));
    await waitFor(() => findAll('EmptyState').length > 0);
    expect(findAll('EmptyState')[0]!.props).toMatchObject({ header: 'Nobody here', description: 'Change the filters.' });
    expect(findAll('DynamicTable')).toHaveLength(0);

    await mountTable(({ after }) => ok(after === null ? { items: people('Ada', 'Bo'), next: 'c2' } : { items: [], next: null }));
    await waitFor(() => tableRows().length === 2);
    click('Next');
    await waitFor(() => text().includes('Page 2') && tableRows().length === 0 && findAll('DynamicTable').length === 1);
    expect(findAll('EmptyState')).toHaveLength(0);
    expect(isDisabled('Previous')).toBe(false);
    expect(isDisabled('Next')).toBe(true);
  });

  it('shows a translated error with Try again, which loads the same page again', async () => {
    let broken = true;
    const rateLimited: Envelope<Page<Item>> = { ok: false, error: { code: 'RATE_LIMITED', messageKey: 'errors.RATE_LIMITED' } };
    const requests = await mountTable(() => (broken ? rateLimited : ok({ items: people('Ada'), next: null })));
    await waitFor(() => text().includes("Atlassian's rate limit was reached"));
    expect(text()).toContain('Export {}');
    broken = false;
    click('Try again');
    await waitFor(() => tableRows().length === 1);
    expect(requests).toEqual([{ filter: {}, after: null }, { filter: {}, after: null }]);
  });

  it('applies the text filters on Enter as on Apply, and a picked choice at once (any: no filter)', async () => {
    const teams = [{ value: 'OPS', label: 'Operations (OPS)' }];
    const requests = await mountTable(() => ok({ items: people('Ada'), next: null }), teams);
    await waitFor(() => tableRows().length === 1);
    type('people-city', ' Oslo ');
    pressEnter('people-city');
    await waitFor(() => requests.length === 2);
    expect(requests[1]).toEqual({ filter: { city: 'Oslo' }, after: null });
    pick('people-team', 'OPS');
    await waitFor(() => requests.length === 3);
    expect(requests[2]).toEqual({ filter: { city: 'Oslo', team: 'OPS' }, after: null });
    pick('people-team', '');
    await waitFor(() => requests.length === 4);
    expect(requests[3]).toEqual({ filter: { city: 'Oslo' }, after: null });
  });
});
