import { ALARM_KIND_ZH, INCIDENT_SEVERITY_ZH, INCIDENT_TYPE_ZH, LEVEL_CHANGE_ZH, RUN_OUTCOME_ZH, TIMELINE_KIND_ZH } from '../../../shared/labels-zh';
import type { Report, ReportTable } from '../../../shared/schemas/review';
import { HAZARD_ZH, LEVEL_ZH } from '../../response/response-words';
import { COLOUR_INFO, HAZARD_INFO } from '../../warnings/hazards';
import { MILESTONE_ZH, beijingTime, minutes } from './labels-zh';

export type Cell = string | number;
export interface TableData {
  key: ReportTable;
  title: string;
  headers: string[];
  rows: Cell[][];
}

const MILESTONES = ['delivered', 'accepted', 'arrived', 'completed'] as const;
const milestoneHeaders = MILESTONES.flatMap((m) => [`${MILESTONE_ZH[m]}中位(分钟)`, `${MILESTONE_ZH[m]}最长(分钟)`]);

/** The report as tables with Chinese headers: one per CSV file, and the PDF's tables. */
export function reportTables(report: Report): TableData[] {
  const s = report.sections;
  const r = s.responses;
  const builders: Record<ReportTable, () => TableData> = {
    responseLevels: () => ({
      key: 'responseLevels',
      title: '应急响应级别',
      headers: ['时间', '响应', '变更', '级别', '决定人', '理由'],
      rows: r.levels.map((l) => [beijingTime(l.at), HAZARD_ZH[l.hazard], LEVEL_CHANGE_ZH[l.kind], `${LEVEL_ZH[l.level]}级`, l.by, l.reason]),
    }),
    responseTasks: () => ({
      key: 'responseTasks',
      title: '预案任务落实（按责任方）',
      headers: ['响应', '责任方', '按时完成', '超时完成', '逾期未完成', '未到期', '不再需要'],
      rows: [
        ...r.owners.map((o) => [HAZARD_ZH[o.hazard], o.owner, o.onTime, o.late, o.overdue, o.open, o.closed]),
        ['合计', '', r.totals.onTime, r.totals.late, r.totals.overdue, r.totals.open, r.totals.closed],
      ],
    }),
    warnings: () => ({
      key: 'warnings',
      title: '预警发布与叫应',
      headers: ['预警', '灾种', '颜色', '发布时间', '乡镇', '应叫应人数', '已收到', '已落实', '覆盖率(%)', '收到中位(分钟)', '收到最长(分钟)'],
      rows: s.warnings.rows.flatMap((w) =>
        w.townships.map((t) => [w.headline, HAZARD_INFO[w.hazard].zh, COLOUR_INFO[w.colour].zh, beijingTime(w.issuedAt), t.township, t.recipients, t.received, t.done, t.coveragePercent ?? '', minutes(t.ack.medianSeconds), minutes(t.ack.worstSeconds)]),
      ),
    }),
    reporting: () => ({
      key: 'reporting',
      title: '信息报送（按时、迟报、漏报）',
      headers: ['事件编号', '事件', '级别', '按时', '迟报', '漏报', '未到期', '最长迟报(分钟)'],
      rows: s.reporting.rows.map((r) => [r.code, r.title, INCIDENT_SEVERITY_ZH[r.severity], r.met, r.late, r.missed, r.open, r.worstLateMinutes ?? '']),
    }),
    dispatches: () => ({
      key: 'dispatches',
      title: '调度响应时间（自下达起）',
      headers: ['队伍', '任务数', ...milestoneHeaders],
      rows: [
        ...s.dispatches.teams.map((t) => [t.teamName, t.assignments, ...MILESTONES.flatMap((m) => [minutes(t.milestones[m].medianSeconds), minutes(t.milestones[m].worstSeconds)])]),
        ['合计', s.dispatches.assignments, ...MILESTONES.flatMap((m) => [minutes(s.dispatches.overall[m].medianSeconds), minutes(s.dispatches.overall[m].worstSeconds)])],
      ],
    }),
    incidents: () => ({
      key: 'incidents',
      title: '事件统计',
      headers: ['分类', '项目', '数量'],
      rows: [
        ...s.incidents.byType.map((r) => ['类型', INCIDENT_TYPE_ZH[r.key as keyof typeof INCIDENT_TYPE_ZH] ?? r.key, r.count]),
        ...s.incidents.byTownship.map((r) => ['乡镇', r.key || '未定位', r.count]),
        ...s.incidents.bySeverity.map((r) => ['级别', INCIDENT_SEVERITY_ZH[r.key as keyof typeof INCIDENT_SEVERITY_ZH] ?? r.key, r.count]),
      ],
    }),
    shelters: () => ({
      key: 'shelters',
      title: '人员转移安置（峰值）',
      headers: ['乡镇', '安置峰值(人)', '转移峰值(人)'],
      rows: [...s.shelters.townships.map((t) => [t.township, t.peakSheltered, t.peakEvacuated]), ['全县', s.shelters.peakSheltered, s.shelters.peakEvacuated]],
    }),
    supplies: () => ({
      key: 'supplies',
      title: `物资调运（${s.supplies.goalHours} 小时目标）`,
      headers: ['调运单', '目的地', '申请时间', '目标时间', '到达时间', '用时(小时)', '结果'],
      rows: s.supplies.rows.map((r) => [r.id, r.destination, beijingTime(r.requestedAt), beijingTime(r.goalAt), beijingTime(r.arrivedAt), r.hours ?? '', RUN_OUTCOME_ZH[r.outcome]]),
    }),
    alarms: () => ({
      key: 'alarms',
      title: '报警与确认',
      headers: ['报警类型', '次数', '未确认', '确认中位(分钟)', '确认最长(分钟)'],
      rows: [
        ...s.alarms.byKind.map((r) => [ALARM_KIND_ZH[r.kind], r.raised, r.unacknowledged, minutes(r.ack.medianSeconds), minutes(r.ack.worstSeconds)]),
        ['合计', s.alarms.raised, s.alarms.unacknowledged, minutes(s.alarms.ack.medianSeconds), minutes(s.alarms.ack.worstSeconds)],
      ],
    }),
    timeline: () => ({
      key: 'timeline',
      title: '重要节点',
      headers: ['时间', '事项', '内容'],
      rows: s.timeline.entries.map((e) => [beijingTime(e.at), TIMELINE_KIND_ZH[e.kind], describe(e.params)]),
    }),
  };
  return (Object.keys(builders) as ReportTable[]).map((key) => builders[key]());
}

export const reportTable = (report: Report, key: ReportTable): TableData => reportTables(report).find((t) => t.key === key) as TableData;

function describe(params: Record<string, string | number | null>): string {
  const { code, title, headline, name, township, number, nameZh, hazard, level, reason, by } = params;
  if (typeof hazard === 'string' && typeof level === 'string' && level in LEVEL_ZH)
    return [`${HAZARD_ZH[hazard as keyof typeof HAZARD_ZH] ?? hazard}${LEVEL_ZH[level as keyof typeof LEVEL_ZH]}级`, reason, by].filter((v) => v !== null && v !== undefined && v !== '').join(' ');
  return [code, title, headline, name, township, number, nameZh].filter((v) => v !== null && v !== undefined && v !== '').join(' ');
}
