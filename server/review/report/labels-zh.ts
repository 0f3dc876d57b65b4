import type { AlarmKind } from '../../../shared/enums';
import type { IncidentSeverity, IncidentType } from '../../../shared/schemas/incident';
import type { DispatchMilestone } from '../../../shared/schemas/review';

/** The Chinese words of the report's files (CSV, PDF): the desk words the same facts from its own messages. */
export const INCIDENT_TYPE_ZH: Record<IncidentType, string> = {
  typhoon: '台风灾害',
  waterlogging: '城镇内涝',
  flash_flood: '山洪',
  landslide: '地质灾害',
  forest_fire: '森林火灾',
  hazmat: '危化品',
  traffic: '交通事故',
  building_collapse: '房屋倒塌',
  vessel_distress: '渔船遇险',
  other: '其他',
};
export const SEVERITY_ZH: Record<IncidentSeverity, string> = { general: '一般', major: '较大', serious: '重大', extraordinary: '特别重大' };
export const ALARM_KIND_ZH: Record<AlarmKind, string> = {
  unit_silent: '队伍失联',
  report_overdue: '上报超时',
  shelter_near_full: '安置点将满',
  shelter_full: '安置点已满',
  stock_low: '库存不足',
  dispatch_undelivered: '调度未送达',
  dispatch_unaccepted: '调度未接受',
  sos: 'SOS 求救',
  warning_unanswered: '预警未叫应',
  gauge_rain: '雨量超警',
  gauge_level: '水位超警',
  gauge_wind: '风速超警',
  gauge_offline: '测站离线',
  task_overdue: '预案任务逾期',
};
export const LEVEL_CHANGE_ZH = { started: '启动', raised: '提升', lowered: '降低', ended: '终止' } as const;
export const MILESTONE_ZH: Record<DispatchMilestone, string> = { delivered: '送达', accepted: '接受', arrived: '到达', completed: '完成' };
export const RUN_OUTCOME_ZH = { on_time: '按时', late: '超时', pending: '在途', overdue: '逾期未到', cancelled: '已取消' } as const;
export const TIMELINE_KIND_ZH = {
  warning_issued: '发布预警',
  warning_cancelled: '解除预警',
  incident_reported: '接报事件',
  incident_severity: '事件级别调整',
  incident_closed: '事件办结',
  report_missed: '漏报',
  shelter_opened: '开放安置点',
  alarm_critical: '紧急报警',
  typhoon_bulletin: '台风报文',
  response_started: '启动应急响应',
  response_raised: '提升响应级别',
  response_lowered: '降低响应级别',
  response_ended: '终止应急响应',
} as const;

const BEIJING = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** An instant in Beijing time, `2025/09/15 08:10`. */
export const beijingTime = (iso: string | null): string => (iso ? BEIJING.format(new Date(iso)) : '');

/** Seconds as minutes with one decimal, or empty when there is no figure. */
export const minutes = (seconds: number | null): string | number => (seconds === null ? '' : Math.round(seconds / 6) / 10);
