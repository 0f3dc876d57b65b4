import type { TeamStatus } from '@shared/enums';

/** One colour per status, readable on both the dark wall and the light desk. */
export const STATUS_COLORS: Record<TeamStatus, string> = {
  standby: '#3b82f6',
  dispatched: '#f59e0b',
  en_route: '#f97316',
  on_scene: '#ef4444',
  returning: '#14b8a6',
  off_duty: '#a78bfa',
};

export const STALE_COLOR = '#8b93a1';
/** 位置未更新: the unit is heard but its position is old; amber, apart from the grey of 失联. */
export const POSITION_OLD_COLOR = '#d97706';

/** Statuses where a team is out on a job; the map pulses these. */
export const ACTIVE_STATUSES: readonly TeamStatus[] = ['dispatched', 'en_route', 'on_scene'];
