export const ROLES = ['admin', 'commander', 'duty_officer', 'field', 'wall'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that staff the command centre and see the whole board. */
export const STAFF_ROLES = ['admin', 'commander', 'duty_officer'] as const satisfies readonly Role[];
/** Roles that may watch the whole board (staff plus the read-only wall kiosk). */
export const BOARD_ROLES = ['admin', 'commander', 'duty_officer', 'wall'] as const satisfies readonly Role[];

export const TEAM_KINDS = [
  'fire_rescue', // 综合性消防救援
  'forest_fire', // 森林消防
  'township', // 乡镇综合应急救援队
  'civil', // 社会救援力量
  'hazmat', // 危化品救援
  'water_rescue', // 水域救援
  'medical', // 医疗
  'utility_repair', // 电力/通信抢修
] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const TEAM_STATUSES = ['standby', 'dispatched', 'en_route', 'on_scene', 'returning', 'off_duty'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export const DEVICE_KINDS = ['browser', 'osmand', 'owntracks'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const ALARM_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

export const ALARM_STATES = ['raised', 'acknowledged', 'cleared'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** How the desk and the wall sound an alarm: `repeat` rings until someone acknowledges it. */
export const ALARM_SOUNDS = ['none', 'once', 'repeat'] as const;
export type AlarmSound = (typeof ALARM_SOUNDS)[number];

export const ALARM_KINDS = ['unit_silent', 'report_overdue', 'shelter_near_full', 'shelter_full', 'stock_low', 'dispatch_undelivered', 'dispatch_unaccepted', 'sos', 'warning_unanswered', 'gauge_rain', 'gauge_level', 'gauge_wind', 'gauge_offline', 'task_overdue'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';
