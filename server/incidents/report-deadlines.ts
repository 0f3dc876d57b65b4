import { randomUUID } from 'node:crypto';
import type { AlarmSeverity } from '../../shared/enums';
import { REPORT_KINDS, severityRank, type IncidentSeverity, type ReportDeadline, type ReportingRules } from '../../shared/schemas/incident';

const MINUTE = 60_000;

/** The deadlines a severity's rule sets, counted from `startMs` (intake, or the moment of a raise). */
export function planDeadlines(rules: ReportingRules, severity: IncidentSeverity, startMs: number, newId: () => string = randomUUID): ReportDeadline[] {
  const rule = rules[severity];
  const limits = { phone: rule.phoneMinutes, written: rule.writtenMinutes };
  return REPORT_KINDS.flatMap((kind) => {
    const minutes = limits[kind];
    if (minutes === null) return [];
    return [
      {
        id: newId(),
        kind,
        severity,
        startedAt: new Date(startMs).toISOString(),
        dueAt: new Date(startMs + minutes * MINUTE).toISOString(),
        state: 'open' as const,
        doneAt: null,
        doneBy: null,
        recipient: null,
        recordedBy: null,
      },
    ];
  });
}

export interface SeverityChangePlan {
  /** Open deadlines of the old level that the new level's reports replace. */
  superseded: ReportDeadline[];
  added: ReportDeadline[];
}

/**
 * Raising the severity restarts the clock: open deadlines of the lower level are superseded and the
 * new level's rule applies from now. Lowering it changes nothing: obligations already incurred stay.
 */
export function planSeverityChange(
  current: readonly ReportDeadline[],
  from: IncidentSeverity,
  to: IncidentSeverity,
  rules: ReportingRules,
  nowMs: number,
  newId: () => string = randomUUID,
): SeverityChangePlan {
  if (severityRank(to) <= severityRank(from)) return { superseded: [], added: [] };
  return {
    superseded: current.filter((d) => d.state === 'open'),
    added: planDeadlines(rules, to, nowMs, newId),
  };
}

/** The open deadline of a kind that a report now fulfils. */
export function openDeadlineOf(deadlines: readonly ReportDeadline[], kind: ReportDeadline['kind']): ReportDeadline | undefined {
  return deadlines.find((d) => d.state === 'open' && d.kind === kind);
}

export function isOverdue(deadline: ReportDeadline, nowMs: number): boolean {
  return deadline.state === 'open' && Date.parse(deadline.dueAt) <= nowMs;
}

/** How loudly an overdue report alarms: by the incident's severity. */
export function overdueAlarmSeverity(severity: IncidentSeverity): AlarmSeverity {
  if (severity === 'general') return 'info';
  return severity === 'major' ? 'warning' : 'critical';
}
