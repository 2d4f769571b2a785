/**
 * Status and feedback: ProgressBar, SectionMessage, Lozenge, Badge, Spinner, Tooltip, Tag, Pagination → their
 * Atlaskit packages; EmptyState and User are drawn by the host (no @atlaskit/empty-state or avatar lookup here).
 */
import React from 'react';
import Badge from '@atlaskit/badge';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import Pagination from '@atlaskit/pagination';
import { Stack, Text } from '@atlaskit/primitives';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Tag from '@atlaskit/tag';
import TagGroup from '@atlaskit/tag-group';
import Tooltip from '@atlaskit/tooltip';
import { callApp, serialiseEvent } from '../appEvents';
import { bool, fn, num, str, textOf, type ForgeDoc } from '../forgeDoc';
import { childrenOfType, register, renderChildren, renderProp } from './core';

type LozengeProps = React.ComponentProps<typeof Lozenge>;
type SectionProps = React.ComponentProps<typeof SectionMessage>;
type SpinnerProps = React.ComponentProps<typeof Spinner>;
type BadgeProps = React.ComponentProps<typeof Badge>;
type TooltipProps = React.ComponentProps<typeof Tooltip>;

const sectionMessage = (n: ForgeDoc): React.ReactNode => {
  const actions = childrenOfType(n, 'SectionMessageAction').map((a, i) => (
    <SectionMessageAction key={a.key ?? i} href={str(a.props, 'href')} onClick={() => { callApp(fn(a.props, 'onClick')); }}>
      {textOf(a)}
    </SectionMessageAction>
  ));
  const body = { ...n, children: n.children.filter((c) => c.type !== 'SectionMessageAction') };
  return (
    <SectionMessage appearance={str(n.props, 'appearance') as SectionProps['appearance']} title={str(n.props, 'title')} {...(actions.length > 0 ? { actions } : {})}>
      {renderChildren(body)}
    </SectionMessage>
  );
};

const emptyState = (n: ForgeDoc): React.ReactNode => (
  <div style={{ textAlign: 'center', padding: '24px 16px', maxWidth: 480, margin: '0 auto' }}>
    <Stack space="space.150" alignInline="center">
      <Heading size="medium">{str(n.props, 'header') ?? ''}</Heading>
      {str(n.props, 'description') === undefined ? null : <Text as="p" color="color.text.subtle">{str(n.props, 'description')}</Text>}
      {renderProp(n.props.primaryAction)}
      {renderProp(n.props.secondaryAction)}
      {renderProp(n.props.tertiaryAction)}
    </Stack>
  </div>
);

const pagination = (n: ForgeDoc): React.ReactNode => {
  const pages = Array.isArray(n.props.pages) ? (n.props.pages as unknown[]) : [];
  const onChange = fn(n.props, 'onChange');
  const selectedIndex = num(n.props, 'selectedIndex');
  return (
    <Pagination
      pages={pages}
      {...(selectedIndex === undefined ? { defaultSelectedIndex: num(n.props, 'defaultSelectedIndex') } : { selectedIndex })}
      label={str(n.props, 'label') ?? 'pagination'}
      getPageLabel={(page) => (typeof page === 'string' || typeof page === 'number' ? page : String(page))}
      onChange={(event, page) => { callApp(onChange, serialiseEvent(event, 'click'), page); }}
    />
  );
};

register({
  ProgressBar: (n) => (
    <ProgressBar value={num(n.props, 'value')} isIndeterminate={bool(n.props, 'isIndeterminate')} ariaLabel={str(n.props, 'ariaLabel')}
      appearance={str(n.props, 'appearance') as 'default' | 'success' | 'inverse' | undefined} />
  ),
  SectionMessage: sectionMessage,
  Lozenge: (n) => (
    <Lozenge appearance={str(n.props, 'appearance') as LozengeProps['appearance']} maxWidth={num(n.props, 'maxWidth')}>
      {renderChildren(n)}
    </Lozenge>
  ),
  Badge: (n) => <Badge appearance={str(n.props, 'appearance') as BadgeProps['appearance']} max={num(n.props, 'max')}>{textOf(n)}</Badge>,
  Spinner: (n) => <Spinner size={str(n.props, 'size') as SpinnerProps['size']} label={str(n.props, 'label')} />,
  Tooltip: (n) => (
    <Tooltip content={str(n.props, 'content') ?? ''} position={str(n.props, 'position') as TooltipProps['position']}>
      <span>{renderChildren(n)}</span>
    </Tooltip>
  ),
  Tag: (n) => <Tag text={str(n.props, 'text') ?? textOf(n)} isRemovable={false} />,
  TagGroup: (n) => <TagGroup>{renderChildren(n)}</TagGroup>,
  EmptyState: emptyState,
  Pagination: pagination,
  User: (n) => <span title={str(n.props, 'accountId')} style={{ fontWeight: 500 }}>{str(n.props, 'accountId') ?? ''}</span>,
  UserGroup: (n) => <span>{renderChildren(n)}</span>,
});
