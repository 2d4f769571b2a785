/**
 * UI Kit charts drawn as small SVGs of our own (Atlassian's chart components are not published): BarChart and
 * HorizontalBarChart as grouped bars (`colorAccessor` = the group), DonutChart and PieChart as rings, each with a
 * legend. Accessors are keys (object rows) or indexes (array rows), as UI Kit allows.
 */
import React from 'react';
import { Stack, Text } from '@atlaskit/primitives';
import { num, str, type ForgeDoc } from '../forgeDoc';
import { register } from './core';

const palette = ['#1d7afc', '#22a06b', '#e56910', '#c9372c', '#8f7ee7', '#2898bd', '#b38600', '#626f86'];

const read = (row: unknown, accessor: unknown): unknown => {
  if (typeof accessor !== 'string' && typeof accessor !== 'number') return undefined;
  if (Array.isArray(row)) return typeof accessor === 'number' ? (row as unknown[])[accessor] : undefined;
  return typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[String(accessor)] : undefined;
};

const rowsOf = (n: ForgeDoc): unknown[] => (Array.isArray(n.props.data) ? (n.props.data as unknown[]) : []);
const unique = (values: string[]): string[] => [...new Set(values)];
const label = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const value = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

const Legend = (props: { names: string[] }): React.JSX.Element => (
  <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, fontSize: 12 }}>
    {props.names.map((name, i) => (
      <span key={`${String(i)}-${name}`} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <span style={{ width: 10, height: 10, background: palette[i % palette.length], display: 'inline-block', borderRadius: 2 }} />
        {name}
      </span>
    ))}
  </div>
);

const Titled = (props: { node: ForgeDoc; children: React.ReactNode }): React.JSX.Element => (
  <Stack space="space.100">
    {str(props.node.props, 'title') === undefined ? null : <Text weight="semibold">{str(props.node.props, 'title')}</Text>}
    {str(props.node.props, 'subtitle') === undefined ? null : <Text size="small" color="color.text.subtle">{str(props.node.props, 'subtitle')}</Text>}
    {props.children}
  </Stack>
);

/** A label cut to what fits `width` pixels at 11px (about 6 px a character). */
const fit = (text: string, width: number): string => {
  const room = Math.max(3, Math.floor(width / 6.2));
  return text.length <= room ? text : `${text.slice(0, room - 1)}…`;
};

const BarChart = ({ node }: { node: ForgeDoc }): React.JSX.Element => {
  const rows = rowsOf(node);
  const xs = unique(rows.map((r) => label(read(r, node.props.xAccessor))));
  const groups = unique(rows.map((r) => label(read(r, node.props.colorAccessor ?? node.props.xAccessor))));
  const max = Math.max(1, ...rows.map((r) => value(read(r, node.props.yAccessor))));
  const width = num(node.props, 'width') ?? Math.max(360, xs.length * Math.max(groups.length * 18 + 32, 150));
  const height = num(node.props, 'height') ?? 220;
  const plot = height - 40;
  const band = (width - 40) / Math.max(1, xs.length);
  const bar = Math.max(4, (band - 16) / Math.max(1, groups.length));
  return (
    <Titled node={node}>
      <svg width={width} height={height} role="img" aria-label={str(node.props, 'title') ?? 'bar chart'}>
        <line x1={36} y1={plot + 4} x2={width} y2={plot + 4} stroke="#8590a2" />
        <text x={0} y={12} fontSize={10} fill="#626f86">{max}</text>
        {rows.map((r, i) => {
          const x = xs.indexOf(label(read(r, node.props.xAccessor)));
          const g = groups.indexOf(label(read(r, node.props.colorAccessor ?? node.props.xAccessor)));
          const h = (value(read(r, node.props.yAccessor)) / max) * (plot - 8);
          return <rect key={i} x={40 + x * band + 8 + g * bar} y={plot + 4 - h} width={bar - 2} height={h} fill={palette[g % palette.length]}>
            <title>{`${xs[x] ?? ''} · ${groups[g] ?? ''}: ${String(value(read(r, node.props.yAccessor)))}`}</title>
          </rect>;
        })}
        {xs.map((x, i) => (
          <text key={x} x={40 + i * band + band / 2} y={height - 18} fontSize={11} textAnchor="middle" fill="#44546f">
            <title>{x}</title>
            {fit(x, band)}
          </text>
        ))}
      </svg>
      {groups.length > 1 ? <Legend names={groups} /> : null}
    </Titled>
  );
};

const arc = (cx: number, cy: number, r: number, from: number, to: number): string => {
  const [x1, y1, x2, y2] = [cx + r * Math.sin(from), cy - r * Math.cos(from), cx + r * Math.sin(to), cy - r * Math.cos(to)];
  return `M ${String(x1)} ${String(y1)} A ${String(r)} ${String(r)} 0 ${to - from > Math.PI ? '1' : '0'} 1 ${String(x2)} ${String(y2)}`;
};

const DonutChart = ({ node, ring }: { node: ForgeDoc; ring: boolean }): React.JSX.Element => {
  const rows = rowsOf(node);
  const names = rows.map((r) => label(read(r, node.props.labelAccessor)));
  const values = rows.map((r) => value(read(r, node.props.valueAccessor)));
  const total = values.reduce((a, b) => a + b, 0) || 1;
  const size = 180;
  const r = ring ? 64 : 44;
  let start = 0;
  return (
    <Titled node={node}>
      <svg width={size} height={size} role="img" aria-label={str(node.props, 'title') ?? 'donut chart'}>
        {values.map((v, i) => {
          const end = start + (v / total) * Math.PI * 2 - (v === total ? 0.0001 : 0);
          const path = arc(size / 2, size / 2, r, start, end);
          start = end;
          return <path key={i} d={path} fill="none" stroke={palette[i % palette.length]} strokeWidth={ring ? 28 : 88}><title>{`${names[i] ?? ''}: ${String(v)}`}</title></path>;
        })}
        {ring ? <text x={size / 2} y={size / 2 + 5} textAnchor="middle" fontSize={16} fontWeight={600} fill="#172b4d">{total}</text> : null}
      </svg>
      <Legend names={names.map((n, i) => `${n} (${String(values[i] ?? 0)})`)} />
    </Titled>
  );
};

register({
  BarChart: (n) => <BarChart node={n} />,
  HorizontalBarChart: (n) => <BarChart node={n} />,
  StackBarChart: (n) => <BarChart node={n} />,
  DonutChart: (n) => <DonutChart node={n} ring />,
  PieChart: (n) => <DonutChart node={n} ring={false} />,
});
