import type { StationCondition } from '@shared/schemas/sensor-reading';
import type { StationGroup } from './stationBoard';

/** One colour per state, on the map, the desk list and the wall: red alarm, amber above warning, grey silent. */
export const CONDITION_COLORS: Record<StationCondition, string> = {
  danger: '#dc2626',
  warning: '#f59e0b',
  normal: '#16a34a',
  offline: '#64748b',
  no_data: '#94a3b8',
  maintenance: '#8b5cf6',
};

export const GROUP_COLORS: Record<StationGroup, string> = {
  alarm: CONDITION_COLORS.danger,
  warning: CONDITION_COLORS.warning,
  offline: CONDITION_COLORS.offline,
  maintenance: CONDITION_COLORS.maintenance,
  normal: CONDITION_COLORS.normal,
};
