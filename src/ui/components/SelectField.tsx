import React from 'react';
import { Label, Select, Stack } from '@forge/react';

export interface Choice<V extends string> {
  label: string;
  value: V;
}

const isChoice = (option: unknown): option is { value: unknown } =>
  typeof option === 'object' && option !== null && 'value' in option;

/** A labelled single Select over typed values; UI Kit hands `onChange` the chosen option object. */
export const SelectField = <V extends string>(props: {
  id: string;
  label: string;
  options: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
  isDisabled?: boolean;
}): React.JSX.Element => {
  const { options } = props;
  const selected = options.find((o) => o.value === props.value) ?? null;
  const onChange = (option: unknown): void => {
    if (!isChoice(option)) return;
    const match = options.find((o) => o.value === option.value);
    if (match) props.onChange(match.value);
  };
  return (
    <Stack space="space.050">
      <Label labelFor={props.id}>{props.label}</Label>
      <Select
        inputId={props.id}
        options={[...options]}
        value={selected}
        onChange={onChange}
        isDisabled={props.isDisabled}
        placeholder={props.label}
      />
    </Stack>
  );
};
