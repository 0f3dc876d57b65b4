import type wallZhCN from './zh-CN';

/** English messages of the wall (team and alarm panels, the situation summary and its charts, the layout set from the desk); same shape as ./zh-CN.ts. */
const wallEn: typeof wallZhCN = {
  wall: { teams: 'Teams', alarms: 'Alarms', total: '{n} in total', page: 'page {page}/{pages}' },
  board: {
    incidentsBySeverity: '1 open incident | {n} open incidents',
    overdueReports: '1 report overdue | {n} reports overdue',
  },
  evacuation: {
    title: 'Evacuation',
    sheltered: 'In shelters',
    withRelatives: 'With relatives',
    evacuated: 'Evacuated',
    perTownship: 'Evacuated per township',
  },
  stock: {
    title: 'Key supplies',
    scale: 'Line: minimum; a full bar is twice the minimum',
    available: 'Available',
    minLevel: 'Minimum',
    low: '1 depot below minimum | {n} depots below minimum',
    unit: ' ({unit})',
  },
  desk: {
    layout: {
      title: 'Wall layers',
      teams: 'Teams',
      trails: 'Trails',
      labels: 'Labels',
      townships: 'Townships',
      incidents: 'Incidents',
      shelters: 'Shelters',
      depots: 'Supply depots',
      typhoon: 'Typhoon',
      warnings: 'Warning areas',
      stations: 'Gauges',
      trailMinutes: 'Trail length (minutes)',
      apply: 'Apply to wall',
      applied: 'Applied to the wall',
    },
  },
};

export default wallEn;
