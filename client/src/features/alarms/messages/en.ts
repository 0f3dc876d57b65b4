import type alarmsZhCN from './zh-CN';

const alarmsEn: typeof alarmsZhCN = {
  alarm: {
    title: 'Alarms',
    none: 'No open alarms',
    acknowledge: 'Acknowledge',
    acknowledgedBy: 'acknowledged by {name}',
    raisedAt: 'Raised',
    kind: {
      unit_silent: '{teamName} has not reported a position for {minutes} min',
      dispatch_undelivered: '{priorityText} dispatch not delivered: {teamName} ({destination}), {minutes} min',
      dispatch_unaccepted: '{priorityText} dispatch not accepted: {teamName} ({destination}), {minutes} min',
      sos: 'SOS: {teamName} ({reportedBy}) {note}',
      report_overdue: '{reportKindText} overdue: {code} {title}',
      shelter_near_full: '{shelterName} ({township}) nearly full: {occupancy}/{capacity}',
      shelter_full: '{shelterName} ({township}) full: {occupancy}/{capacity}',
      stock_low: '{itemName} low at {depotName}: {available} {unit} available, minimum {minLevel} {unit}',
      warning_unanswered: '{township} has not answered ({headline}, {minutes} min): {silent}',
      gauge_rain: '{stationName} ({township}): {mm} mm in {window} meets the {signal} rainstorm criterion',
      gauge_level: '{stationName} ({township}): level {value} m above the {lineEn} level {line} m',
      gauge_wind: '{stationName} ({township}): wind force {force}',
      gauge_offline: '{stationName} ({township}): no data for {minutes} min',
    },
    resolveSos: 'SOS handled',
    severity: { critical: 'Critical', warning: 'Warning', info: 'Info' },
    state: { raised: 'Unacknowledged', acknowledged: 'Acknowledged', cleared: 'Cleared' },
    unacknowledged: '{n} unacknowledged',
  },
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

export default alarmsEn;
