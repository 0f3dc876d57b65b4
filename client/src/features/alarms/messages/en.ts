import type sosZhCN from './zh-CN';

const sosEn: typeof sosZhCN = {
  sos: {
    banner: 'SOS',
    label: 'Open SOS calls',
    team: 'SOS from {teamName}',
    raisedAt: 'sent {time} ({age})',
    reportedBy: 'by {name}',
    where: 'at {township} {lat}, {lon}',
    unknownPlace: 'at sea or outside the county',
    noPosition: 'position unknown',
    unacknowledged: 'Not acknowledged',
    escalated: 'Unacknowledged for over a minute',
    acknowledgedBy: 'Acknowledged by {name} at {time}, being handled',
    acknowledge: 'Acknowledge SOS',
    resolve: 'SOS resolved',
    mapMarkers: 'SOS teams flashing on the map',
    mapMarker: '{teamName}: SOS {state}',
  },
};

export default sosEn;
