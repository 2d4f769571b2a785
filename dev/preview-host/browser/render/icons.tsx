/**
 * UI Kit names icons by glyph (`iconBefore="download"`); Atlaskit buttons want icon components. The glyphs an app
 * is likely to use map to @atlaskit/icon's core icons; any other name draws no icon (the button keeps its text).
 */
import React from 'react';
import AddIcon from '@atlaskit/icon/core/add';
import ArrowLeftIcon from '@atlaskit/icon/core/arrow-left';
import ArrowRightIcon from '@atlaskit/icon/core/arrow-right';
import CheckMarkIcon from '@atlaskit/icon/core/check-mark';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronLeftIcon from '@atlaskit/icon/core/chevron-left';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import ChevronUpIcon from '@atlaskit/icon/core/chevron-up';
import CrossIcon from '@atlaskit/icon/core/cross';
import DeleteIcon from '@atlaskit/icon/core/delete';
import DownloadIcon from '@atlaskit/icon/core/download';
import EditIcon from '@atlaskit/icon/core/edit';
import FilterIcon from '@atlaskit/icon/core/filter';
import PersonIcon from '@atlaskit/icon/core/person';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import SearchIcon from '@atlaskit/icon/core/search';
import SettingsIcon from '@atlaskit/icon/core/settings';

type CoreIcon = typeof AddIcon;

const glyphs: Record<string, CoreIcon> = {
  add: AddIcon,
  'arrow-left': ArrowLeftIcon,
  'arrow-right': ArrowRightIcon,
  check: CheckMarkIcon,
  'check-mark': CheckMarkIcon,
  'chevron-down': ChevronDownIcon,
  'chevron-left': ChevronLeftIcon,
  'chevron-right': ChevronRightIcon,
  'chevron-up': ChevronUpIcon,
  cross: CrossIcon,
  'editor-close': CrossIcon,
  trash: DeleteIcon,
  delete: DeleteIcon,
  download: DownloadIcon,
  edit: EditIcon,
  'editor-edit': EditIcon,
  filter: FilterIcon,
  person: PersonIcon,
  refresh: RefreshIcon,
  search: SearchIcon,
  settings: SettingsIcon,
};

/** The props Atlaskit's new Button passes to an icon component. */
interface ButtonIconProps {
  label: string;
  color?: string;
  size?: 'small' | 'medium';
}

type ButtonIcon = (props: ButtonIconProps) => React.JSX.Element;

const made = new Map<string, ButtonIcon>();

/** An icon component for a UI Kit glyph name (the same one every time), or undefined for an unknown one. */
export const iconFor = (glyph: unknown): ButtonIcon | undefined => {
  if (typeof glyph !== 'string') return undefined;
  const Icon = glyphs[glyph];
  if (Icon === undefined) return undefined;
  const known = made.get(glyph);
  if (known !== undefined) return known;
  const Glyph: ButtonIcon = (props) => <Icon label={props.label} color={props.color as never} size={props.size} />;
  made.set(glyph, Glyph);
  return Glyph;
};
