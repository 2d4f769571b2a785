import React from 'react';
import { Stack, Text } from '@forge/react';

/** A compact table cell (U6): a main line over a small, subtle second line (e.g. a name over the email). */
export const TwoLines = (props: { main: string; sub: string | null }): React.JSX.Element => (
  <Stack>
    <Text>{props.main}</Text>
    {props.sub !== null && <Text size="small" color="color.text.subtle">{props.sub}</Text>}
  </Stack>
);
