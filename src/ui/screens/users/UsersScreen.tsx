import React, { useState } from 'react';
import { Heading, Stack, Tab, TabList, TabPanel, Tabs } from '@forge/react';
import { useLocale } from '../../i18n/LocaleContext';
import { Customers } from './Customers';
import { ProjectUsers } from './ProjectUsers';
import { UserList } from './UserList';

const subTabs = ['organization', 'project', 'customers'] as const;

/** U1–U3: organization users, project users and JSM customers as sub-tabs (only the open one loads). */
export const UsersScreen = (): React.JSX.Element => {
  const { t } = useLocale();
  const [selected, setSelected] = useState(0);
  const panel = (tab: (typeof subTabs)[number]): React.JSX.Element => {
    switch (tab) {
      case 'organization':
        return <UserList idPrefix="users" inactiveOnly={false} defaultSort={{ key: 'name', direction: 'asc' }} />;
      case 'project':
        return <ProjectUsers />;
      case 'customers':
        return <Customers />;
    }
  };
  return (
    <Stack space="space.200">
      <Heading size="medium">{t('users.heading')}</Heading>
      <Tabs id="ulo-users-tabs" selected={selected} onChange={(index) => { setSelected(index); }}>
        <TabList>
          {subTabs.map((tab) => (
            <Tab key={tab}>{t(`users.tabs.${tab}`)}</Tab>
          ))}
        </TabList>
        {subTabs.map((tab, index) => (
          <TabPanel key={tab}>{index === selected ? panel(tab) : null}</TabPanel>
        ))}
      </Tabs>
    </Stack>
  );
};
