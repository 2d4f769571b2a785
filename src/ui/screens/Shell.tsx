import React, { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from '@forge/react';
import { useLocale } from '../i18n/LocaleContext';
import { DashboardScreen } from './dashboard/DashboardScreen';
import { UsersScreen } from './users/UsersScreen';
import { InactiveScreen } from './inactive/InactiveScreen';
import { AuditScreen } from './audit/AuditScreen';
import { JobsScreen } from './jobs/JobsScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { TasksScreen } from './tasks/TasksScreen';

const tabs = ['dashboard', 'users', 'inactive', 'tasks', 'audit', 'jobs', 'settings'] as const;

/**
 * The admin page's tabs. Only the selected tab's screen is mounted, so a screen loads its data when it is opened
 * (and stops polling when it is left).
 */
export const Shell = (props: { onAccessChanged: () => void }): React.JSX.Element => {
  const { t } = useLocale();
  const [selected, setSelected] = useState(0);
  const screen = (tab: (typeof tabs)[number]): React.JSX.Element => {
    switch (tab) {
      case 'dashboard':
        return <DashboardScreen />;
      case 'users':
        return <UsersScreen />;
      case 'inactive':
        return <InactiveScreen />;
      case 'tasks':
        return <TasksScreen />;
      case 'audit':
        return <AuditScreen />;
      case 'jobs':
        return <JobsScreen />;
      case 'settings':
        return <SettingsScreen bootstrap={false} onAccessChanged={props.onAccessChanged} />;
    }
  };
  return (
    <Tabs
      id="ulo-main-tabs"
      selected={selected}
      onChange={(index) => {
        setSelected(index);
      }}
    >
      <TabList>
        {tabs.map((tab) => (
          <Tab key={tab}>{t(`tabs.${tab}`)}</Tab>
        ))}
      </TabList>
      {tabs.map((tab, index) => (
        <TabPanel key={tab}>{index === selected ? screen(tab) : null}</TabPanel>
      ))}
    </Tabs>
  );
};
