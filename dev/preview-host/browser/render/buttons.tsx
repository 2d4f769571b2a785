/**
 * Buttons and links: Button, LoadingButton, LinkButton, ButtonGroup, Link → @atlaskit/button (new) and
 * @atlaskit/link. Clicks reach the app's own handler with a serialised event.
 */
import React from 'react';
import Button, { LinkButton } from '@atlaskit/button/new';
import ButtonGroup from '@atlaskit/button/button-group';
import Link from '@atlaskit/link';
import { callApp, serialiseEvent } from '../appEvents';
import { bool, fn, str, textOf, type ForgeDoc } from '../forgeDoc';
import { iconFor } from './icons';
import { register, renderChildren } from './core';

type ButtonProps = React.ComponentProps<typeof Button>;

const button = (n: ForgeDoc): React.ReactNode => {
  const onClick = fn(n.props, 'onClick');
  const before = iconFor(n.props.iconBefore);
  const after = iconFor(n.props.iconAfter);
  return (
    <Button
      appearance={str(n.props, 'appearance') as ButtonProps['appearance']}
      spacing={str(n.props, 'spacing') as ButtonProps['spacing']}
      isDisabled={bool(n.props, 'isDisabled')}
      isSelected={bool(n.props, 'isSelected')}
      isLoading={bool(n.props, 'isLoading')}
      shouldFitContainer={bool(n.props, 'shouldFitContainer')}
      type={(str(n.props, 'type') ?? 'button') as ButtonProps['type']}
      {...(before === undefined ? {} : { iconBefore: before })}
      {...(after === undefined ? {} : { iconAfter: after })}
      testId={str(n.props, 'testId')}
      onClick={(event) => { callApp(onClick, serialiseEvent(event, 'click')); }}
    >
      {renderChildren(n)}
    </Button>
  );
};

const linkButton = (n: ForgeDoc): React.ReactNode => (
  <LinkButton
    href={str(n.props, 'href') ?? '#'}
    target={str(n.props, 'target')}
    appearance={str(n.props, 'appearance') as ButtonProps['appearance']}
    spacing={str(n.props, 'spacing') as ButtonProps['spacing']}
    isDisabled={bool(n.props, 'isDisabled')}
  >
    {renderChildren(n)}
  </LinkButton>
);

const link = (n: ForgeDoc): React.ReactNode => {
  const newTab = bool(n.props, 'openNewTab') === true;
  return (
    <Link href={str(n.props, 'href') ?? '#'} {...(newTab ? { target: '_blank', rel: 'noreferrer' } : {})} title={textOf(n)}>
      {renderChildren(n)}
    </Link>
  );
};

register({
  Button: button,
  LoadingButton: button,
  LinkButton: linkButton,
  ButtonGroup: (n) => <ButtonGroup label={str(n.props, 'label')}>{renderChildren(n)}</ButtonGroup>,
  Link: link,
});
