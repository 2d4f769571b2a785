import React, { useEffect, useRef, useState } from 'react';
import { Label, Select, Stack } from '@forge/react';
import { call } from '../api';
import { useLocale } from '../i18n/LocaleContext';

export interface GroupRef {
  id: string;
  name: string;
}

const toOption = (group: GroupRef): { label: string; value: string } => ({ label: group.name, value: group.id });

const toGroups = (value: unknown): GroupRef[] => {
  const list: unknown[] = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.flatMap((option) =>
    typeof option === 'object' && option !== null && 'value' in option && 'label' in option
      ? [{ id: String(option.value), name: String(option.label) }]
      : [],
  );
};

/** Searches the synced groups by name (groups.search) as the admin types; single or multiple choice. */
export const GroupPicker = (props: {
  id: string;
  label: string;
  isMulti: boolean;
  value: GroupRef[];
  onChange: (groups: GroupRef[]) => void;
}): React.JSX.Element => {
  const { t } = useLocale();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<GroupRef[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    const term = search.trim();
    void call('groups.search', { ...(term === '' ? {} : { search: term }), limit: 50 }).then((answer) => {
      if (request !== latest.current) return;
      setLoading(false);
      setOptions(answer.ok ? answer.data.items.map(({ id, name }) => ({ id, name })) : []);
    });
  }, [search]);
  return (
    <Stack space="space.050">
      <Label labelFor={props.id}>{props.label}</Label>
      <Select
        inputId={props.id}
        isMulti={props.isMulti}
        isClearable
        isSearchable
        isLoading={loading}
        placeholder={t('groups.placeholder')}
        options={options.map(toOption)}
        value={props.isMulti ? props.value.map(toOption) : (props.value.map(toOption)[0] ?? null)}
        onInputChange={(input: string) => {
          setSearch(input);
        }}
        onChange={(value: unknown) => {
          props.onChange(toGroups(value));
        }}
      />
    </Stack>
  );
};
