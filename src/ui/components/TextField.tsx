import React from 'react';
import { Label, Stack, Textfield } from '@forge/react';

/** UI Kit hands Textfield's `onChange` a serialised event; the text is `target.value`. */
export const eventText = (event: { target: { value?: unknown } }): string =>
  typeof event.target.value === 'string' ? event.target.value : '';

/** A labelled text input. */
export const TextField = (props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'email' | 'number';
  placeholder?: string;
  isInvalid?: boolean;
}): React.JSX.Element => (
  <Stack space="space.050">
    <Label labelFor={props.id}>{props.label}</Label>
    <Textfield
      id={props.id}
      type={props.type ?? 'text'}
      value={props.value}
      placeholder={props.placeholder}
      isInvalid={props.isInvalid}
      onChange={(event) => {
        props.onChange(eventText(event));
      }}
    />
  </Stack>
);
