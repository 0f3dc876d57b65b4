import type teamsZhCN from './zh-CN';

/** English messages of the teams (kinds, statuses, the team panel, the desk filters and the admin tab); same shape as ./zh-CN.ts. */
const teamsEn: typeof teamsZhCN = {
  teamKind: {
    fire_rescue: 'Fire and rescue',
    forest_fire: 'Forest fire',
    township: 'Township emergency team',
    civil: 'Volunteer rescue',
    hazmat: 'Hazmat',
    water_rescue: 'Water rescue',
    medical: 'Medical',
    utility_repair: 'Power/telecom repair',
  },
  teamStatus: { standby: 'Standby', dispatched: 'Dispatched', en_route: 'En route', on_scene: 'On scene', returning: 'Returning', off_duty: 'Off duty' },
  team: {
    title: 'Teams',
    count: '1 team | {n} teams',
    stale: 'stale',
    positionOld: 'position not updated',
    noPosition: 'no position',
    noFix: 'no fix',
    lastReport: 'Last report',
    leader: 'Leader',
    phone: 'Phone',
    headcount: 'Headcount',
    capabilities: 'Capabilities',
    devices: 'Devices',
    baseName: 'Base',
    township: 'Township',
    status: 'Status',
    kind: 'Kind',
    name: 'Name',
    lastFix: 'Last fix',
    accuracy: 'Accuracy',
    speed: 'Speed',
    battery: 'Battery',
    setStatus: 'Set status',
    track: 'Track',
    trackHours: 'last {n} h',
    trackPoints: '1 track point | {n} track points',
    hideTrack: 'Hide track',
    metres: '{n} m',
    kmh: '{n} km/h',
  },
  desk: {
    filters: { kind: 'Kind', status: 'Status', search: 'Search team name', all: 'All', clear: 'Clear filters' },
  },
  admin: {
    teams: {
      create: 'New team',
      editTitle: 'Edit team',
      baseLat: 'Base latitude',
      baseLon: 'Base longitude',
      capabilitiesHint: 'comma separated',
    },
  },
};

export default teamsEn;
