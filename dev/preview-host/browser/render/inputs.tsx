/**
 * Text, toggle and date inputs: Textfield, TextArea, Toggle, DatePicker → @atlaskit/textfield, @atlaskit/textarea,
 * @atlaskit/toggle, @atlaskit/datetime-picker. Change events reach the app serialised, as UI Kit sends them.
 */
import React from 'react';
import { DatePicker } from '@atlaskit/datetime-picker';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { callApp, serialiseEvent } from '../appEvents';
import { bool, fn, num, str, type ForgeDoc } from '../forgeDoc';
import { register } from './core';
import { useLocalValue } from './localValue';

type Props = { node: ForgeDoc };

const TextInput = ({ node }: Props): React.JSX.Element => {
  const p = node.props;
  const [value, setValue] = useLocalValue(str(p, 'value') ?? (typeof p.value === 'number' ? String(p.value) : undefined));
  return (
    <Textfield
      id={str(p, 'id')}
      name={str(p, 'name')}
      type={str(p, 'type')}
      placeholder={str(p, 'placeholder')}
      isDisabled={bool(p, 'isDisabled')}
      isInvalid={bool(p, 'isInvalid')}
      isRequired={bool(p, 'isRequired')}
      isReadOnly={bool(p, 'isReadOnly')}
      isCompact={bool(p, 'isCompact')}
      maxLength={num(p, 'maxLength')}
      width={str(p, 'width') ?? num(p, 'width')}
      aria-label={str(p, 'aria-label')}
      {...(value === undefined ? { defaultValue: str(p, 'defaultValue') } : { value })}
      onChange={(e) => { setValue(e.currentTarget.value); callApp(fn(p, 'onChange'), serialiseEvent(e)); }}
      onBlur={(e) => { callApp(fn(p, 'onBlur'), serialiseEvent(e, 'blur')); }}
      onFocus={(e) => { callApp(fn(p, 'onFocus'), serialiseEvent(e, 'focus')); }}
    />
  );
};

const TextAreaInput = ({ node }: Props): React.JSX.Element => {
  const p = node.props;
  const [value, setValue] = useLocalValue(str(p, 'value'));
  return (
    <TextArea
      id={str(p, 'id')}
      name={str(p, 'name')}
      placeholder={str(p, 'placeholder')}
      isDisabled={bool(p, 'isDisabled')}
      isInvalid={bool(p, 'isInvalid')}
      minimumRows={num(p, 'minimumRows')}
      {...(value === undefined ? { defaultValue: str(p, 'defaultValue') } : { value })}
      onChange={(e) => { setValue(e.currentTarget.value); callApp(fn(p, 'onChange'), serialiseEvent(e)); }}
      onBlur={(e) => { callApp(fn(p, 'onBlur'), serialiseEvent(e, 'blur')); }}
    />
  );
};

const ToggleInput = ({ node }: Props): React.JSX.Element => {
  const p = node.props;
  const [checked, setChecked] = useLocalValue(bool(p, 'isChecked'));
  return (
    <Toggle
      id={str(p, 'id')}
      name={str(p, 'name')}
      label={str(p, 'label')}
      size={str(p, 'size') === 'large' ? 'large' : 'regular'}
      isDisabled={bool(p, 'isDisabled')}
      {...(checked === undefined ? { defaultChecked: bool(p, 'defaultChecked') } : { isChecked: checked })}
      onChange={(e) => { setChecked(e.currentTarget.checked); callApp(fn(p, 'onChange'), serialiseEvent(e)); }}
    />
  );
};

const DateInput = ({ node }: Props): React.JSX.Element => {
  const p = node.props;
  const [value, setValue] = useLocalValue(str(p, 'value'));
  return (
    <div style={{ minWidth: 150 }}>
      <DatePicker
        id={str(p, 'id')}
        name={str(p, 'name')}
        locale={str(p, 'locale')}
        placeholder={str(p, 'placeholder')}
        dateFormat={str(p, 'dateFormat')}
        minDate={str(p, 'minDate')}
        maxDate={str(p, 'maxDate')}
        isDisabled={bool(p, 'isDisabled')}
        isInvalid={bool(p, 'isInvalid')}
        {...(value === undefined ? { defaultValue: str(p, 'defaultValue') } : { value })}
        onChange={(next) => { setValue(next); callApp(fn(p, 'onChange'), next); }}
      />
    </div>
  );
};

register({
  Textfield: (n) => <TextInput node={n} />,
  TextArea: (n) => <TextAreaInput node={n} />,
  Toggle: (n) => <ToggleInput node={n} />,
  DatePicker: (n) => <DateInput node={n} />,
});
