/**
 * Checkbox, Radio, CheckboxGroup and RadioGroup as native inputs (no @atlaskit/checkbox or @atlaskit/radio is
 * installed), styled with the design tokens. Single inputs hand the app a serialised change event; CheckboxGroup
 * hands it the checked values, RadioGroup the serialised event of the chosen radio, as UI Kit does.
 */
import React from 'react';
import { callApp, serialiseEvent } from '../appEvents';
import { bool, fn, str, type ForgeDoc } from '../forgeDoc';
import { register } from './core';
import { useLocalValue } from './localValue';

const rowStyle: React.CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: 6, cursor: 'pointer', font: 'inherit' };
const boxStyle: React.CSSProperties = { width: 16, height: 16, margin: 0, accentColor: 'var(--ds-background-selected-bold, #0c66e4)' };

interface Option {
  label: string;
  value: string;
  isDisabled?: boolean;
}

const optionsOf = (node: ForgeDoc): Option[] =>
  (Array.isArray(node.props.options) ? (node.props.options as unknown[]) : []).flatMap((o) => {
    if (typeof o !== 'object' || o === null) return [];
    const { label, value, isDisabled } = o as Record<string, unknown>;
    return [{ label: typeof label === 'string' ? label : String(value), value: String(value), isDisabled: isDisabled === true }];
  });

const Choice = ({ node, kind }: { node: ForgeDoc; kind: 'checkbox' | 'radio' }): React.JSX.Element => {
  const p = node.props;
  const [checked, setChecked] = useLocalValue(bool(p, 'isChecked'));
  const label = str(p, 'label');
  return (
    <label style={rowStyle}>
      <input
        type={kind}
        id={str(p, 'id')}
        name={str(p, 'name')}
        value={str(p, 'value')}
        disabled={bool(p, 'isDisabled')}
        style={boxStyle}
        {...(checked === undefined ? { defaultChecked: bool(p, 'defaultChecked') } : { checked })}
        onChange={(e) => { setChecked(e.currentTarget.checked); callApp(fn(p, 'onChange'), serialiseEvent(e)); }}
      />
      {label === undefined ? null : <span>{label}</span>}
    </label>
  );
};

const CheckboxGroup = ({ node }: { node: ForgeDoc }): React.JSX.Element => {
  const p = node.props;
  const fromApp = Array.isArray(p.value) ? (p.value as unknown[]).map(String) : undefined;
  const [values, setValues] = useLocalValue<string[] | undefined>(fromApp);
  const current = values ?? [];
  return (
    <div role="group" style={{ display: 'grid', gap: 4 }}>
      {optionsOf(node).map((o) => (
        <label key={o.value} style={rowStyle}>
          <input
            type="checkbox"
            name={str(p, 'name')}
            value={o.value}
            disabled={o.isDisabled === true || bool(p, 'isDisabled') === true}
            style={boxStyle}
            checked={current.includes(o.value)}
            onChange={(e) => {
              const next = e.currentTarget.checked ? [...current, o.value] : current.filter((v) => v !== o.value);
              setValues(next);
              callApp(fn(p, 'onChange'), next);
            }}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
};

const RadioGroup = ({ node }: { node: ForgeDoc }): React.JSX.Element => {
  const p = node.props;
  const [value, setValue] = useLocalValue(str(p, 'value'));
  return (
    <div role="radiogroup" style={{ display: 'grid', gap: 4 }}>
      {optionsOf(node).map((o) => (
        <label key={o.value} style={rowStyle}>
          <input
            type="radio"
            name={str(p, 'name')}
            value={o.value}
            disabled={o.isDisabled === true || bool(p, 'isDisabled') === true}
            style={boxStyle}
            checked={value === o.value}
            onChange={(e) => { setValue(o.value); callApp(fn(p, 'onChange'), serialiseEvent(e)); }}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
};

register({
  Checkbox: (n) => <Choice node={n} kind="checkbox" />,
  Radio: (n) => <Choice node={n} kind="radio" />,
  CheckboxGroup: (n) => <CheckboxGroup node={n} />,
  RadioGroup: (n) => <RadioGroup node={n} />,
});
