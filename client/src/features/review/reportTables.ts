import { DISPATCH_MILESTONES, type DurationStats, type Report, type ReportTable } from '@shared/schemas/review';

/** What the tables need worded: message lookup and Beijing time. */
export interface ReportWords {
  t(key: string, params?: Record<string, unknown>): string;
  time(iso: string | null): string;
}

export interface DisplayTable {
  key: ReportTable;
  title: string;
  headers: string[];
  rows: string[][];
  note?: string;
}

const DASH = '—';
/** Seconds as minutes, one decimal. */
export const minutesText = (seconds: number | null): string => (seconds === null ? DASH : String(Math.round(seconds / 6) / 10));
const pair = (w: ReportWords, s: DurationStats) => w.t('review.report.medianWorst', { median: minutesText(s.medianSeconds), worst: minutesText(s.worstSeconds) });

/** The report's tables as the page shows them: the same tables as the CSV files, worded in the screen's language. */
export function reportTables(report: Report, w: ReportWords): DisplayTable[] {
  const s = report.sections;
  const col = (k: string) => w.t(`review.report.col.${k}`);
  const title = (k: ReportTable) => w.t(`review.report.tables.${k}`);
  const milestoneCols = DISPATCH_MILESTONES.map((m) => col(m));
  const r = s.responses;
  const hazard = (h: string) => w.t(`response.hazard.${h}`);
  return [
    {
      key: 'responseLevels',
      title: title('responseLevels'),
      headers: ['time', 'response', 'change', 'level', 'by', 'reason'].map(col),
      rows: r.levels.map((l) => [w.time(l.at), hazard(l.hazard), w.t(`review.report.levelChange.${l.kind}`), w.t(`response.level.${l.level}`), l.by, l.reason]),
    },
    {
      key: 'responseTasks',
      title: title('responseTasks'),
      headers: ['response', 'owner', 'onTime', 'lateDone', 'overdue', 'notDue', 'closed'].map(col),
      rows: [
        ...r.owners.map((o) => [hazard(o.hazard), o.owner, String(o.onTime), String(o.late), String(o.overdue), String(o.open), String(o.closed)]),
        [w.t('review.report.total'), '', String(r.totals.onTime), String(r.totals.late), String(r.totals.overdue), String(r.totals.open), String(r.totals.closed)],
      ],
    },
    {
      key: 'warnings',
      title: title('warnings'),
      headers: ['warning', 'issuedAt', 'township', 'recipients', 'received', 'done', 'coverage', 'ackMedian', 'ackWorst'].map(col),
      rows: s.warnings.rows.flatMap((r) =>
        r.townships.map((t) => [r.headline, w.time(r.issuedAt), t.township, String(t.recipients), String(t.received), String(t.done), t.coveragePercent === null ? DASH : `${t.coveragePercent}%`, minutesText(t.ack.medianSeconds), minutesText(t.ack.worstSeconds)]),
      ),
    },
    {
      key: 'reporting',
      title: title('reporting'),
      headers: ['code', 'incident', 'severity', 'met', 'late', 'missed', 'open', 'worstLate'].map(col),
      rows: s.reporting.rows.map((r) => [r.code, r.title, w.t(`incident.severity.${r.severity}`), String(r.met), String(r.late), String(r.missed), String(r.open), r.worstLateMinutes === null ? DASH : String(r.worstLateMinutes)]),
    },
    {
      key: 'dispatches',
      title: title('dispatches'),
      headers: [col('team'), col('tasks'), ...milestoneCols],
      rows: [
        ...s.dispatches.teams.map((t) => [t.teamName, String(t.assignments), ...DISPATCH_MILESTONES.map((m) => pair(w, t.milestones[m]))]),
        [w.t('review.report.total'), String(s.dispatches.assignments), ...DISPATCH_MILESTONES.map((m) => pair(w, s.dispatches.overall[m]))],
      ],
    },
    {
      key: 'incidents',
      title: title('incidents'),
      headers: ['group', 'item', 'count'].map(col),
      rows: [
        ...s.incidents.byType.map((r) => [w.t('review.report.byType'), w.t(`incident.type.${r.key}`), String(r.count)]),
        ...s.incidents.byTownship.map((r) => [w.t('review.report.byTownship'), r.key || w.t('review.report.noTownship'), String(r.count)]),
        ...s.incidents.bySeverity.map((r) => [w.t('review.report.bySeverity'), w.t(`incident.severity.${r.key}`), String(r.count)]),
      ],
    },
    {
      key: 'shelters',
      title: title('shelters'),
      headers: ['township', 'peakSheltered', 'peakEvacuated'].map(col),
      rows: [...s.shelters.townships.map((t) => [t.township, String(t.peakSheltered), String(t.peakEvacuated)]), [w.t('review.report.county'), String(s.shelters.peakSheltered), String(s.shelters.peakEvacuated)]],
    },
    {
      key: 'supplies',
      title: title('supplies'),
      headers: ['run', 'destination', 'requestedAt', 'arrivedAt', 'hours', 'outcome'].map(col),
      rows: s.supplies.rows.map((r) => [r.id, r.destination, w.time(r.requestedAt), r.arrivedAt ? w.time(r.arrivedAt) : DASH, r.hours === null ? DASH : String(r.hours), w.t(`review.report.outcome.${r.outcome}`)]),
    },
    {
      key: 'alarms',
      title: title('alarms'),
      headers: ['alarmKind', 'raised', 'unacknowledged', 'confirmMedian', 'confirmWorst'].map(col),
      rows: [
        ...s.alarms.byKind.map((r) => [w.t(`review.alarmKind.${r.kind}`), String(r.raised), String(r.unacknowledged), minutesText(r.ack.medianSeconds), minutesText(r.ack.worstSeconds)]),
        [w.t('review.report.total'), String(s.alarms.raised), String(s.alarms.unacknowledged), minutesText(s.alarms.ack.medianSeconds), minutesText(s.alarms.ack.worstSeconds)],
      ],
    },
    {
      key: 'timeline',
      title: title('timeline'),
      headers: ['time', 'what', 'detail'].map(col),
      rows: s.timeline.entries.map((e) => [w.time(e.at), w.t(`review.report.timeline.${e.kind}`), detailOf(e.params, w)]),
      ...(s.timeline.truncated ? { note: w.t('review.report.truncated') } : {}),
    },
  ];
}

function detailOf(params: Record<string, string | number | null>, w: ReportWords): string {
  const { code, title, headline, name, township, number, nameZh, hazard, level, reason, by } = params;
  // A response level change: which response, at what level, why and who.
  if (hazard && level) return [`${w.t(`response.hazard.${hazard}`)} ${w.t(`response.level.${level}`)}`, reason, by].filter((v) => v !== null && v !== undefined && v !== '').join(' · ');
  return [code, title, headline, name, township, number, nameZh].filter((v) => v !== null && v !== undefined && v !== '').join(' ');
}
