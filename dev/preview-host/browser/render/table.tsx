/**
 * DynamicTable: @forge/react turns `head`/`rows` into primitive nodes before reconciling
 * (`DynamicTable > ContentWrapper(name=head|rows) > Row > Cell`); the host turns them back into the props
 * @atlaskit/dynamic-table expects, drawing each cell's children.
 */
import React from 'react';
import DynamicTable from '@atlaskit/dynamic-table';
import { callApp } from '../appEvents';
import { bool, fn, num, str, type ForgeDoc } from '../forgeDoc';
import { register, renderChildren, renderProp } from './core';

type TableProps = React.ComponentProps<typeof DynamicTable>;
type Head = NonNullable<TableProps['head']>;
type Rows = NonNullable<TableProps['rows']>;

const wrapper = (table: ForgeDoc, name: 'head' | 'rows'): ForgeDoc | undefined =>
  table.children.find((c) => c.type === 'ContentWrapper' && c.props.name === name);

const cellKey = (cell: ForgeDoc, index: number): string => {
  const key = cell.props.cellKey;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : String(index);
};

const headOf = (table: ForgeDoc): Head | undefined => {
  const head = wrapper(table, 'head');
  if (head === undefined || head.children.length === 0) return undefined;
  return {
    cells: head.children.filter((c) => c.type === 'Cell').map((cell, i) => ({
      key: cellKey(cell, i),
      content: <>{renderChildren(cell)}</>,
      isSortable: bool(cell.props, 'isSortable'),
      width: num(cell.props, 'width'),
      shouldTruncate: bool(cell.props, 'shouldTruncate'),
    })),
  };
};

const rowsOf = (table: ForgeDoc): Rows =>
  (wrapper(table, 'rows')?.children ?? []).filter((r) => r.type === 'Row').map((row, i) => {
    const key = row.props.rowKey;
    return {
      key: typeof key === 'string' || typeof key === 'number' ? String(key) : String(i),
      isHighlighted: bool(row.props, 'isHighlighted'),
      cells: row.children.filter((c) => c.type === 'Cell').map((cell, j) => ({ key: cellKey(cell, j), content: <>{renderChildren(cell)}</> })),
    };
  });

const table = (n: ForgeDoc): React.ReactNode => {
  const p = n.props;
  const onSetPage = fn(p, 'onSetPage');
  const sortOrder = str(p, 'sortOrder');
  const defaultSortOrder = str(p, 'defaultSortOrder');
  return (
    <DynamicTable
      caption={renderProp(p.caption)}
      label={str(p, 'label')}
      head={headOf(n)}
      rows={rowsOf(n)}
      rowsPerPage={num(p, 'rowsPerPage')}
      page={num(p, 'page')}
      defaultPage={num(p, 'defaultPage')}
      sortKey={str(p, 'sortKey')}
      defaultSortKey={str(p, 'defaultSortKey')}
      {...(sortOrder === 'ASC' || sortOrder === 'DESC' ? { sortOrder } : {})}
      {...(defaultSortOrder === 'ASC' || defaultSortOrder === 'DESC' ? { defaultSortOrder } : {})}
      isLoading={bool(p, 'isLoading')}
      isFixedSize={bool(p, 'isFixedSize')}
      highlightedRowIndex={num(p, 'highlightedRowIndex')}
      emptyView={p.emptyView === undefined ? undefined : <>{renderProp(p.emptyView)}</>}
      testId={str(p, 'testId')}
      onSetPage={(page) => { callApp(onSetPage, page); }}
    />
  );
};

register({ DynamicTable: table, Row: (n) => <>{renderChildren(n)}</>, Cell: (n) => <>{renderChildren(n)}</> });
