import type { AlarmKind } from './enums';
import type { IncidentSeverity, IncidentType } from './schemas/incident';
import type { Report, ReviewTimelineEntry } from './schemas/review';

type ReviewSections = Report['sections'];

/**
 * The Chinese names of values both sides print: the desk's zh-CN messages and the server's after-action
 * report files (CSV, PDF) take them from here, so the two cannot word the same fact differently.
 * English lives only in the client's en messages.
 */
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
export const INCIDENT_SEVERITY_ZH: Record<IncidentSeverity, string> = { general: '一般', major: '较大', serious: '重大', extraordinary: '特别重大' };
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
/** A step of a response's level in the review: 启动, 提升, 降低, 终止. */
export const LEVEL_CHANGE_ZH: Record<ReviewSections['responses']['levels'][number]['kind'], string> = { started: '启动', raised: '提升', lowered: '降低', ended: '终止' };
/** How a supply run fared against its goal in the review. */
export const RUN_OUTCOME_ZH: Record<ReviewSections['supplies']['rows'][number]['outcome'], string> = { on_time: '按时', late: '超时', pending: '在途', overdue: '逾期未到', cancelled: '已取消' };
/** The review's significant events (重要节点). */
export const TIMELINE_KIND_ZH: Record<ReviewTimelineEntry['kind'], string> = {
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
};
