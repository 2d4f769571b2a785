import React from 'react';
import { useLocale } from '../i18n/LocaleContext';
import { SelectField } from './SelectField';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
/** What a list shows first (U6): a page that fits on a screen or two. */
export const DEFAULT_PAGE_SIZE: PageSize = 25;

/** Rows per page of a list: 25, 50 or 100 (U6). */
export const PageSizePicker = (props: { id: string; value: PageSize; onChange: (size: PageSize) => void }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  return (
    <SelectField
      id={props.id}
      label={t('listLayout.pageSize')}
      options={PAGE_SIZES.map((size) => ({ value: String(size), label: fmt.number(size) }))}
      value={String(props.value)}
      onChange={(value) => {
        props.onChange(PAGE_SIZES.find((size) => String(size) === value) ?? DEFAULT_PAGE_SIZE);
      }}
    />
  );
};
