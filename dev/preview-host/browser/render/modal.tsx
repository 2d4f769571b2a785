/**
 * Modal dialogs → @atlaskit/modal-dialog. ModalTransition animates its direct Modal children, so the host hands it
 * the Modal elements themselves.
 */
import React from 'react';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { callApp } from '../appEvents';
import { bool, fn, str, type ForgeDoc } from '../forgeDoc';
import { register, renderChildren, renderNode } from './core';

type ModalProps = React.ComponentProps<typeof Modal>;
type TitleProps = React.ComponentProps<typeof ModalTitle>;

const modal = (n: ForgeDoc): React.JSX.Element => {
  const p = n.props;
  const onClose = fn(p, 'onClose');
  const width: ModalProps['width'] = str(p, 'width') ?? (typeof p.width === 'number' ? p.width : undefined);
  const height = str(p, 'height') ?? (typeof p.height === 'number' ? p.height : undefined);
  return (
    <Modal
      key={n.key}
      width={width}
      height={height}
      label={str(p, 'label')}
      shouldScrollInViewport={bool(p, 'shouldScrollInViewport')}
      shouldCloseOnOverlayClick={bool(p, 'shouldCloseOnOverlayClick')}
      testId={str(p, 'testId')}
      onClose={() => { callApp(onClose); }}
    >
      {renderChildren(n)}
    </Modal>
  );
};

register({
  ModalTransition: (n) => <ModalTransition>{n.children.map((c, i) => (c.type === 'Modal' ? modal(c) : renderNode(c, i)))}</ModalTransition>,
  Modal: modal,
  ModalHeader: (n) => <ModalHeader>{renderChildren(n)}</ModalHeader>,
  ModalTitle: (n) => <ModalTitle appearance={str(n.props, 'appearance') as TitleProps['appearance']}>{renderChildren(n)}</ModalTitle>,
  ModalBody: (n) => <ModalBody>{renderChildren(n)}</ModalBody>,
  ModalFooter: (n) => <ModalFooter>{renderChildren(n)}</ModalFooter>,
});
