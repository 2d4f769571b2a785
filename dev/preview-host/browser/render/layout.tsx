/**
 * Layout and text: UI Kit's Stack, Inline, Box, Text, Heading, … map onto @atlaskit/primitives and
 * @atlaskit/heading with the same prop names (UI Kit passes them through), plus a few plain HTML elements.
 */
import React from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, tokensMap, type BoxProps, type InlineProps, type StackProps, type TextProps } from '@atlaskit/primitives';
import { bool, num, str, type ForgeDoc } from '../forgeDoc';
import { register, renderChildren } from './core';

type HeadingSize = React.ComponentProps<typeof Heading>['size'];

const headingSizes: Record<string, HeadingSize> = { h1: 'xlarge', h2: 'large', h3: 'medium', h4: 'small', h5: 'xsmall', h6: 'xxsmall' };

const tokenValues = tokensMap as unknown as Record<string, Record<string, string> | undefined>;

/**
 * UI Kit's `xcss()` returns the plain style object (`{padding: 'space.200', ...}`); its token names become the
 * design tokens' CSS values, other values pass as they are. Nested selectors (`:hover`) are left out.
 */
const styleOf = (value: unknown): React.CSSProperties | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const style: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw === 'number') style[key] = raw;
    else if (typeof raw === 'string') style[key] = tokenValues[key]?.[raw] ?? raw;
  }
  return style;
};

const stack = (n: ForgeDoc): React.ReactNode => (
  <Stack
    space={str(n.props, 'space') as StackProps['space']}
    alignInline={str(n.props, 'alignInline') as StackProps['alignInline']}
    alignBlock={str(n.props, 'alignBlock') as StackProps['alignBlock']}
    spread={str(n.props, 'spread') as StackProps['spread']}
    grow={str(n.props, 'grow') as StackProps['grow']}
    testId={str(n.props, 'testId')}
  >
    {renderChildren(n)}
  </Stack>
);

const inline = (n: ForgeDoc): React.ReactNode => (
  <Inline
    space={str(n.props, 'space') as InlineProps['space']}
    rowSpace={str(n.props, 'rowSpace') as InlineProps['rowSpace']}
    alignInline={str(n.props, 'alignInline') as InlineProps['alignInline']}
    alignBlock={str(n.props, 'alignBlock') as InlineProps['alignBlock']}
    spread={str(n.props, 'spread') as InlineProps['spread']}
    grow={str(n.props, 'grow') as InlineProps['grow']}
    shouldWrap={bool(n.props, 'shouldWrap')}
    separator={str(n.props, 'separator')}
    testId={str(n.props, 'testId')}
  >
    {renderChildren(n)}
  </Inline>
);

const box = (n: ForgeDoc): React.ReactNode => {
  const inner = (
    <Box
      padding={str(n.props, 'padding') as BoxProps<'div'>['padding']}
      paddingBlock={str(n.props, 'paddingBlock') as BoxProps<'div'>['paddingBlock']}
      paddingInline={str(n.props, 'paddingInline') as BoxProps<'div'>['paddingInline']}
      backgroundColor={str(n.props, 'backgroundColor') as BoxProps<'div'>['backgroundColor']}
      testId={str(n.props, 'testId')}
    >
      {renderChildren(n)}
    </Box>
  );
  const style = styleOf(n.props.xcss);
  return style === undefined ? inner : <div style={style}>{inner}</div>;
};

const text = (n: ForgeDoc): React.ReactNode => (
  <Text
    as={(str(n.props, 'as') ?? 'p') as TextProps['as']}
    color={str(n.props, 'color') as TextProps['color']}
    align={str(n.props, 'align') as TextProps['align']}
    size={str(n.props, 'size') as TextProps['size']}
    weight={str(n.props, 'weight') as TextProps['weight']}
    maxLines={num(n.props, 'maxLines')}
    testId={str(n.props, 'testId')}
  >
    {renderChildren(n)}
  </Text>
);

const heading = (n: ForgeDoc): React.ReactNode => {
  const as = str(n.props, 'as');
  const size = (str(n.props, 'size') as HeadingSize | undefined) ?? (as === undefined ? undefined : headingSizes[as]) ?? 'medium';
  return <Heading size={size}>{renderChildren(n)}</Heading>;
};

const list = (n: ForgeDoc): React.ReactNode =>
  str(n.props, 'type') === 'ordered' ? <ol>{renderChildren(n)}</ol> : <ul style={{ margin: 0 }}>{renderChildren(n)}</ul>;

register({
  Root: (n) => <>{renderChildren(n)}</>,
  Stack: stack,
  Inline: inline,
  Box: box,
  Text: text,
  Heading: heading,
  Strong: (n) => <strong>{renderChildren(n)}</strong>,
  Em: (n) => <em>{renderChildren(n)}</em>,
  Strike: (n) => <s>{renderChildren(n)}</s>,
  Code: (n) => <code>{renderChildren(n)}</code>,
  CodeBlock: (n) => <pre style={{ background: '#f7f8f9', padding: 8, overflow: 'auto' }}><code>{str(n.props, 'text') ?? renderChildren(n)}</code></pre>,
  List: list,
  ListItem: (n) => <li>{renderChildren(n)}</li>,
  Image: (n) => <img src={str(n.props, 'src')} alt={str(n.props, 'alt') ?? ''} width={str(n.props, 'width') ?? num(n.props, 'width')} height={num(n.props, 'height')} />,
  ContentWrapper: (n) => <>{renderChildren(n)}</>,
});
