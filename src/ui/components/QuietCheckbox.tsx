import React from 'react';
import { Box, Checkbox, Inline, Label, xcss } from '@forge/react';

/**
 * A CSS length for xcss `width` / `height`: Forge's xcss accepts any length there at run time (`allowCSS`), while
 * its types offer only the size tokens, the smallest of which is 1rem.
 */
const cssLength = (length: `${number}px`): 'size.100' => length as unknown as 'size.100';

/** The visually-hidden pattern: rendered (so screen readers read it) but one pixel and clipped. */
const visuallyHidden = xcss({ width: cssLength('1px'), height: cssLength('1px'), overflow: 'hidden' });

/**
 * A checkbox whose name is read by screen readers but not drawn (a row's "Select Ada Lovelace" next to the row
 * that already shows the name). UI Kit's Checkbox has no `aria-label`, and @forge/react prefixes `id` and
 * `labelFor` but not `aria-labelledby`, so the name comes from a visually hidden Label `labelFor` the checkbox.
 * No hooks: DynamicTable calls cell components as plain functions.
 */
export const QuietCheckbox = (props: {
  /** Unique in the page. */
  id: string;
  label: string;
  isChecked: boolean;
  onChange: (checked: boolean) => void;
}): React.JSX.Element => (
  <Inline alignBlock="center">
    <Checkbox
      id={props.id}
      isChecked={props.isChecked}
      onChange={(event) => {
        props.onChange(event.target.checked === true);
      }}
    />
    <Box xcss={visuallyHidden}>
      <Label labelFor={props.id}>{props.label}</Label>
    </Box>
  </Inline>
);
