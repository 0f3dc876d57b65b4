import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../../shared/schemas/incident';
import { isOverdue, openDeadlineOf, overdueAlarmSeverity, planDeadlines, planSeverityChange } from './report-deadlines';

const T0 = Date.UTC(2025, 8, 15, 6, 0, 0);
const MIN = 60_000;
let n = 0;
const ids = () => `d${++n}`;

describe('reporting deadlines', () => {
  it('gives 较大 and above a phone report in 30 min and a written one in 60 min, and 一般 none', () => {
    for (const severity of ['major', 'serious', 'extraordinary'] as const) {
      const deadlines = planDeadlines(DEFAULT_REPORTING_RULES, severity, T0, ids);
      expect(deadlines.map((d) => [d.kind, d.severity, d.startedAt, d.dueAt, d.state])).toEqual([
        ['phone', severity, new Date(T0).toISOString(), new Date(T0 + 30 * MIN).toISOString(), 'open'],
        ['written', severity, new Date(T0).toISOString(), new Date(T0 + 60 * MIN).toISOString(), 'open'],
      ]);
    }
    expect(planDeadlines(DEFAULT_REPORTING_RULES, 'general', T0, ids)).toEqual([]);
  });

  it('follows configured rules per severity', () => {
    const rules: ReportingRules = { ...DEFAULT_REPORTING_RULES, general: { phoneMinutes: 120, writtenMinutes: null }, extraordinary: { phoneMinutes: 15, writtenMinutes: 45 } };
    expect(planDeadlines(rules, 'general', T0, ids).map((d) => [d.kind, d.dueAt])).toEqual([['phone', new Date(T0 + 120 * MIN).toISOString()]]);
    expect(planDeadlines(rules, 'extraordinary', T0, ids).map((d) => d.dueAt)).toEqual([new Date(T0 + 15 * MIN).toISOString(), new Date(T0 + 45 * MIN).toISOString()]);
  });

  it('restarts the clock for the new level when the severity is raised', () => {
    const current = planDeadlines(DEFAULT_REPORTING_RULES, 'major', T0, ids);
    const phoneDone = [{ ...current[0]!, state: 'done' as const, doneAt: new Date(T0 + 10 * MIN).toISOString() }, current[1]!];
    const raisedAt = T0 + 50 * MIN;
    const plan = planSeverityChange(phoneDone, 'major', 'serious', DEFAULT_REPORTING_RULES, raisedAt, ids);
    expect(plan.superseded.map((d) => d.id)).toEqual([current[1]!.id]);
    expect(plan.added.map((d) => [d.kind, d.severity, d.startedAt, d.dueAt])).toEqual([
      ['phone', 'serious', new Date(raisedAt).toISOString(), new Date(raisedAt + 30 * MIN).toISOString()],
      ['written', 'serious', new Date(raisedAt).toISOString(), new Date(raisedAt + 60 * MIN).toISOString()],
    ]);
  });

  it('starts deadlines when a 一般 incident is raised to 较大, and keeps them when the severity is lowered', () => {
    expect(planSeverityChange([], 'general', 'major', DEFAULT_REPORTING_RULES, T0, ids).added).toHaveLength(2);
    const current = planDeadlines(DEFAULT_REPORTING_RULES, 'serious', T0, ids);
    expect(planSeverityChange(current, 'serious', 'major', DEFAULT_REPORTING_RULES, T0 + MIN, ids)).toEqual({ superseded: [], added: [] });
  });

  it('is overdue only while open and past due; finds the open deadline of a kind', () => {
    const [phone] = planDeadlines(DEFAULT_REPORTING_RULES, 'major', T0, ids);
    expect(isOverdue(phone!, T0 + 30 * MIN - 1)).toBe(false);
    expect(isOverdue(phone!, T0 + 30 * MIN)).toBe(true);
    expect(isOverdue({ ...phone!, state: 'done' }, T0 + 90 * MIN)).toBe(false);
    expect(openDeadlineOf([{ ...phone!, state: 'superseded' }], 'phone')).toBeUndefined();
  });

  it('alarms louder for more severe incidents', () => {
    expect(['general', 'major', 'serious', 'extraordinary'].map((s) => overdueAlarmSeverity(s as 'major'))).toEqual(['info', 'warning', 'critical', 'critical']);
  });
});
