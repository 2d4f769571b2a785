import React, { useEffect, useRef, useState } from 'react';
import { Label, Select, Stack } from '@forge/react';

/** One choice of a search picker: what it stands for and how it reads. */
export interface Picked {
  id: string;
  label: string;
}

const toPicked = (value: unknown): Picked | null =>
  typeof value === 'object' && value !== null && 'value' in value && 'label' in value ? { id: String(value.value), label: String(value.label) } : null;

/**
 * A single-choice Select whose options come from a search as the admin types (`search('')` for the first ones);
 * the latest answer wins. Clearing it hands back null.
 */
export const SearchPicker = (props: {
  id: string;
  label: string;
  placeholder: string;
  value: Picked | null;
  search: (term: string) => Promise<Picked[]>;
  onChange: (picked: Picked | null) => void;
}): React.JSX.Element => {
  const [term, setTerm] = useState('');
  const [options, setOptions] = useState<Picked[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const { search } = props;
  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    void search(term.trim()).then((found) => {
      if (request !== latest.current) return;
      setLoading(false);
      setOptions(found);
    });
  }, [term]);
  const option = (p: Picked): { label: string; value: string } => ({ label: p.label, value: p.id });
  return (
    <Stack space="space.050">
      <Label labelFor={props.id}>{props.label}</Label>
      <Select
        inputId={props.id}
        isClearable
        isSearchable
        isLoading={loading}
        placeholder={props.placeholder}
        options={options.map(option)}
        value={props.value === null ? null : option(props.value)}
        onInputChange={(input: string) => {
          setTerm(input);
        }}
        onChange={(value: unknown) => {
          props.onChange(toPicked(Array.isArray(value) ? value[0] : value));
        }}
      />
    </Stack>
  );
};
