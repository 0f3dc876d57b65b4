import type deskZhCN from './zh-CN';

/** English messages of the desk (tabs, links to missing items, the team hint); same shape as ./zh-CN.ts. */
const deskEn: typeof deskZhCN = {
  desk: {
    selectTeam: 'Select a team in the list or on the map to see details',
    missing: {
      team: 'Team not found',
      dispatch: 'Dispatch not found',
      incident: 'Incident not found',
      shelter: 'Shelter not found',
      township: 'Township not found',
      station: 'Gauge not found',
      camera: 'Camera not found',
      depot: 'Depot not found',
      warning: 'Warning not found',
      alert: 'Alert not found',
      hint: '“{id}” in the link does not exist or has been deleted.',
    },
    tabs: {
      label: 'Desk sections',
      teams: 'Teams',
      dispatches: 'Dispatch',
      incidents: 'Incidents',
      shelters: 'Shelters',
      supplies: 'Supplies',
      duty: 'Duty',
      cameras: 'Video',
      review: 'Review',
      typhoon: 'Typhoon',
      warnings: 'Warnings',
      response: 'Response',
      gauges: 'Gauges',
      work: { dispatches: '1 dispatch under way | {n} dispatches under way', incidents: '1 open incident | {n} open incidents' },
      alarms: '1 alarm | {n} alarms',
      unacknowledged: '{n} not acknowledged',
    },
  },
};

export default deskEn;
