import React from 'react';
import { Inline } from '@forge/react';
import { userSortKeys, type UserSortKey } from '../../contract';
import { useLocale } from '../i18n/LocaleContext';
import { SelectField } from './SelectField';

export interface UserSort {
  key: UserSortKey;
  direction: 'asc' | 'desc';
}

/** Our own sort controls: DynamicTable has no sort callback, and sorting must happen on the server (U4). */
export const SortControls = (props: { idPrefix: string; sort: UserSort; onChange: (sort: UserSort) => void }): React.JSX.Element => {
  const { t } = useLocale();
  const { sort } = props;
  return (
    <Inline space="space.150">
      <SelectField
        id={`${props.idPrefix}-sort-key`}
        label={t('sort.by')}
        options={userSortKeys.map((key) => ({ value: key, label: t(`sort.keys.${key}`) }))}
        value={sort.key}
        onChange={(key) => {
          props.onChange({ ...sort, key });
        }}
      />
      <SelectField
        id={`${props.idPrefix}-sort-direction`}
        label={t('sort.direction')}
        options={[
          { value: 'asc', label: t('sort.asc') },
          { value: 'desc', label: t('sort.desc') },
        ]}
        value={sort.direction}
        onChange={(direction) => {
          props.onChange({ ...sort, direction });
        }}
      />
    </Inline>
  );
};
