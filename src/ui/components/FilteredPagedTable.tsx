import React, { useState } from 'react';
import { Button, DynamicTable, EmptyState, Form, Inline, Stack } from '@forge/react';
import type { Envelope } from '../api';
import { usePagedList, type Page } from '../hooks/usePagedList';
import { useLocale } from '../i18n/LocaleContext';
import { KeysetPager } from './KeysetPager';
import { LoadView } from './LoadView';
import { DEFAULT_PAGE_SIZE, PageSizePicker, type PageSize } from './PageSizePicker';
import { SelectField, type Choice } from './SelectField';
import { TextField } from './TextField';

/**
 * A filter of the list: its payload field, the input's id and its label. With `choices` it is a picker (the value
 * sent is the chosen one's; an empty value means any) that applies at once; without, a text field that applies on
 * Apply or Enter.
 */
export interface TextFilter<Field extends string> {
  field: Field;
  id: string;
  label: string;
  choices?: readonly Choice<string>[];
}

/** The filters as sent: only the fields that are not blank, trimmed. */
export type AppliedFilter<Field extends string> = Partial<Record<Field, string>>;

/** One table row: a stable key and its cells, in column order (a cell is text, or a short stack of lines). */
export interface TableRow {
  key: string;
  cells: { key: string; content: string | React.JSX.Element }[];
}

const blank = <Field extends string>(filters: readonly TextFilter<Field>[]): Record<Field, string> =>
  Object.fromEntries(filters.map((f) => [f.field, ''])) as Record<Field, string>;

const applied = <Field extends string>(filters: readonly TextFilter<Field>[], values: Record<Field, string>): AppliedFilter<Field> =>
  Object.fromEntries(filters.flatMap((f) => (values[f.field].trim() === '' ? [] : [[f.field, values[f.field].trim()]]))) as AppliedFilter<Field>;

/**
 * A keyset-paged table behind filters (U2 project users, U3 JSM customers): pickers apply when one is chosen, text
 * on **Apply** (shown only when a text filter is) or Enter (not per keystroke); either starts again at page 1; Previous / Next page by cursor; 25, 50 or 100
 * rows a page (U6; `pageSizeId` names the picker); the spinner, the translated error
 * with *Try again*, and an empty state when the first page has no rows. `footer` renders below the list with the
 * applied filter (e.g. the CSV export of it).
 */
export const FilteredPagedTable = <Field extends string, Item>(props: {
  filters: readonly TextFilter<Field>[];
  fetchPage: (filter: AppliedFilter<Field>, after: string | null, limit: PageSize) => Promise<Envelope<Page<Item>>>;
  pageSizeId: string;
  caption: string;
  /** `width`: a share of the table in percent, for the columns whose text needs the room. */
  columns: readonly { key: string; content: string; width?: number }[];
  row: (item: Item) => TableRow;
  empty: { header: string; description: string };
  footer?: (filter: AppliedFilter<Field>) => React.ReactNode;
}): React.JSX.Element => {
  const { t } = useLocale();
  const [draft, setDraft] = useState(() => blank(props.filters));
  const [values, setValues] = useState(draft);
  const [pageSize, setPageSize] = useState<PageSize>(DEFAULT_PAGE_SIZE);
  const filter = applied(props.filters, values);
  const paged = usePagedList((after) => props.fetchPage(filter, after, pageSize), { filter, pageSize });
  return (
    <Stack space="space.200">
      <Form onSubmit={() => { setValues(draft); }}>
        <Inline space="space.100" alignBlock="end">
          {props.filters.map((f) =>
            f.choices === undefined ? (
              <TextField key={f.field} id={f.id} label={f.label} value={draft[f.field]} onChange={(value) => { setDraft({ ...draft, [f.field]: value }); }} />
            ) : (
              <SelectField
                key={f.field}
                id={f.id}
                label={f.label}
                options={[{ value: '', label: t('filters.any') }, ...f.choices]}
                value={draft[f.field]}
                onChange={(value) => {
                  const next = { ...draft, [f.field]: value };
                  setDraft(next);
                  setValues({ ...values, [f.field]: value });
                }}
              />
            ),
          )}
          {props.filters.some((f) => f.choices === undefined) && (
            <Button appearance="primary" type="submit">
              {t('filters.apply')}
            </Button>
          )}
          <PageSizePicker id={props.pageSizeId} value={pageSize} onChange={setPageSize} />
        </Inline>
      </Form>
      <LoadView load={paged.load} onRetry={paged.reload}>
        {(page) =>
          page.items.length === 0 && paged.page === 0 ? (
            <EmptyState header={props.empty.header} description={props.empty.description} />
          ) : (
            <Stack space="space.100">
              <DynamicTable caption={props.caption} head={{ cells: [...props.columns] }} rows={page.items.map((item) => props.row(item))} />
              <KeysetPager page={paged.page} pageSize={pageSize} rowsOnPage={page.items.length} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={paged.next} />
            </Stack>
          )
        }
      </LoadView>
      {props.footer?.(filter)}
    </Stack>
  );
};
