/**
 * Tabs → @atlaskit/tabs. Atlaskit reads its children positionally (first the TabList, then one TabPanel per tab),
 * so the host builds that structure directly instead of drawing each node on its own.
 */
import React from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { callApp } from '../appEvents';
import { fn, num, str, type ForgeDoc } from '../forgeDoc';
import { childrenOfType, register, renderChildren } from './core';

const keyOf = (n: ForgeDoc, i: number): string => n.key ?? String(i);

const tabs = (n: ForgeDoc): React.ReactNode => {
  const p = n.props;
  const list = childrenOfType(n, 'TabList')[0];
  const panels = childrenOfType(n, 'TabPanel');
  const selected = num(p, 'selected');
  const onChange = fn(p, 'onChange');
  return (
    <Tabs
      id={str(p, 'id') ?? `tabs-${n.key ?? 'x'}`}
      {...(selected === undefined ? { defaultSelected: num(p, 'defaultSelected') } : { selected })}
      onChange={(index) => { callApp(onChange, index); }}
    >
      <TabList>
        {(list === undefined ? [] : childrenOfType(list, 'Tab')).map((tab, i) => (
          <Tab key={keyOf(tab, i)}>{renderChildren(tab)}</Tab>
        ))}
      </TabList>
      {panels.map((panel, i) => (
        <TabPanel key={keyOf(panel, i)}>
          <div style={{ width: '100%', paddingTop: 8 }}>{renderChildren(panel)}</div>
        </TabPanel>
      ))}
    </Tabs>
  );
};

register({ Tabs: tabs });
