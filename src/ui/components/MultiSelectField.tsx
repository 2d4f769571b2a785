import React from 'react';
import { Label, Select, Stack } from '@forge/react';
import type { Choice } from './SelectField';

const valuesOf = (value: unknown): string[] => {
  const list: unknown[] = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.flatMap((o) => (typeof o === 'object' && o !== null && 'value' in o ? [String(o.value)] : []));
};

/** A labelled multiple Select over fixed options; UI Kit hands `onChange` the chosen option objects. */
export const MultiSelectField = (props: {
  id: string;
  label: string;
  options: readonly Choice<string>[];
  value: readonly string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
}): React.JSX.Element => (
  <Stack space="space.050">
    <Label labelFor={props.id}>{props.label}</Label>
    <Select
      inputId={props.id}
      isMulti
      isClearable
      options={[...props.options]}
      value={props.options.filter((o) => props.value.includes(o.value))}
      placeholder={props.placeholder ?? props.label}
      onChange={(value: unknown) => {
        const chosen = valuesOf(value);
        props.onChange(props.options.filter((o) => chosen.includes(o.value)).map((o) => o.value));
      }}
    />
  </Stack>
);
