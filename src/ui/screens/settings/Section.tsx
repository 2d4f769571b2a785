import React from 'react';
import { Box, Heading, Stack, Text } from '@forge/react';

/** A titled settings section. */
export const Section = (props: { title: string; description?: string; children: React.ReactNode }): React.JSX.Element => (
  <Box padding="space.200" backgroundColor="color.background.neutral.subtle">
    <Stack space="space.150">
      <Heading size="small">{props.title}</Heading>
      {props.description !== undefined && <Text>{props.description}</Text>}
      {props.children}
    </Stack>
  </Box>
);
