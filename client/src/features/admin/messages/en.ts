import type adminZhCN from './zh-CN';

/** English messages of the admin screen; same shape as ./zh-CN.ts. */
const adminEn: typeof adminZhCN = {
  admin: {
    tabs: { users: 'Users', devices: 'Devices', teams: 'Teams', supplies: 'Supplies', cameras: 'Cameras', shelters: 'Shelters', stations: 'Gauges' },
  },
};

export default adminEn;
