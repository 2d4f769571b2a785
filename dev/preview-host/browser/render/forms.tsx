/**
 * Select and the form furniture: Select → @atlaskit/select (onChange gets the chosen option(s), onInputChange the
 * typed text, as UI Kit passes them); Label, ErrorMessage, HelperMessage, ValidMessage, Form* → @atlaskit/form
 * pieces and plain elements.
 */
import React from 'react';
import { ErrorMessage, HelperMessage, Label, ValidMessage } from '@atlaskit/form';
import Select from '@atlaskit/select';
import { callApp, serialiseEvent } from '../appEvents';
import { bool, fn, str, type ForgeDoc } from '../forgeDoc';
import { register, renderChildren } from './core';
import { useLocalValue } from './localValue';

interface Option {
  label: string;
  value: unknown;
}

const options = (value: unknown): Option[] => (Array.isArray(value) ? (value as Option[]) : []);

const SelectInput = ({ node }: { node: ForgeDoc }): React.JSX.Element => {
  const p = node.props;
  const controlled = 'value' in p;
  const [value, setValue] = useLocalValue<unknown>(p.value);
  const onInputChange = fn(p, 'onInputChange');
  return (
    <div style={{ minWidth: 180 }}>
      <Select<Option, boolean>
        inputId={str(p, 'inputId')}
        id={str(p, 'id')}
        name={str(p, 'name')}
        options={options(p.options)}
        placeholder={str(p, 'placeholder')}
        isMulti={bool(p, 'isMulti') ?? false}
        isClearable={bool(p, 'isClearable')}
        isSearchable={bool(p, 'isSearchable') ?? true}
        isDisabled={bool(p, 'isDisabled')}
        isInvalid={bool(p, 'isInvalid')}
        isLoading={bool(p, 'isLoading')}
        spacing={str(p, 'spacing') === 'compact' ? 'compact' : 'default'}
        appearance={str(p, 'appearance') as 'default' | 'subtle' | 'none' | undefined}
        menuPosition="fixed"
        {...(controlled ? { value: value as Option | Option[] | null } : { defaultValue: p.defaultValue as Option | undefined })}
        onChange={(next) => { setValue(next); callApp(fn(p, 'onChange'), next); }}
        {...(onInputChange === undefined ? {} : { onInputChange: (text: string) => { callApp(onInputChange, text); } })}
        onBlur={(e) => { callApp(fn(p, 'onBlur'), serialiseEvent(e, 'blur')); }}
        onFocus={(e) => { callApp(fn(p, 'onFocus'), serialiseEvent(e, 'focus')); }}
      />
    </div>
  );
};

const form = (n: ForgeDoc): React.ReactNode => {
  const onSubmit = fn(n.props, 'onSubmit');
  return (
    <form
      id={str(n.props, 'id')}
      onSubmit={(e) => { e.preventDefault(); callApp(onSubmit, serialiseEvent(e, 'submit')); }}
    >
      {renderChildren(n)}
    </form>
  );
};

register({
  Select: (n) => <SelectInput node={n} />,
  Label: (n) => <Label htmlFor={str(n.props, 'labelFor') ?? ''}>{renderChildren(n)}</Label>,
  ErrorMessage: (n) => <ErrorMessage>{renderChildren(n)}</ErrorMessage>,
  HelperMessage: (n) => <HelperMessage>{renderChildren(n)}</HelperMessage>,
  ValidMessage: (n) => <ValidMessage>{renderChildren(n)}</ValidMessage>,
  RequiredAsterisk: () => <span aria-hidden style={{ color: 'var(--ds-text-danger, #c9372c)' }}>*</span>,
  Form: form,
  FormHeader: (n) => <header><h2>{str(n.props, 'title')}</h2>{renderChildren(n)}</header>,
  FormSection: (n) => <section>{str(n.props, 'title') === undefined ? null : <h3>{str(n.props, 'title')}</h3>}{renderChildren(n)}</section>,
  FormFooter: (n) => <footer style={{ marginTop: 16, display: 'flex', justifyContent: 'flex-end', gap: 8 }}>{renderChildren(n)}</footer>,
});
