import { useI18n } from 'vue-i18n';
import type { TeamKind, TeamStatus } from '@shared/enums';
import type { Alarm } from '@shared/schemas/alarm';
import { isApiError } from '../shell/api/apiError';
import { alarmMessage } from '../features/alarms/alarmMessage';
import { ageParts, formatInstant } from '../shell/i18n/format';
import { DISPATCH_PRIORITIES } from '@shared/schemas/dispatch';

const PRIORITIES: readonly string[] = DISPATCH_PRIORITIES;

/** Locale-aware formatting helpers shared by the views. */
export function useFormat() {
  const { t, locale } = useI18n();

  const time = (value: string | number | null | undefined, style: Parameters<typeof formatInstant>[2] = 'dateTime') =>
    formatInstant(value, locale.value, style);

  const age = (since: number | null | undefined, now: number): string => {
    if (since == null) return t('age.never');
    const p = ageParts(now - since);
    return t(`age.${p.key}`, { n: p.n });
  };

  const duration = (ms: number): string => {
    const p = ageParts(ms);
    return p.key === 'justNow' ? t('duration.seconds', { n: Math.floor(ms / 1000) }) : t(`duration.${p.key}`, { n: p.n });
  };

  const errorText = (e: unknown): string => (isApiError(e) ? t(`errors.${e.code}`) : t('errors.INTERNAL'));

  const alarmText = (alarm: Alarm, now: number, teamName?: string): string => {
    const msg = alarmMessage(alarm, now, teamName);
    const priority = msg.params.priority;
    const priorityText = typeof priority === 'string' && PRIORITIES.includes(priority) ? t(`dispatch.priority.${priority}`) : '';
    const reportKind = msg.params.reportKind;
    const reportKindText = reportKind === 'phone' || reportKind === 'written' ? t(`incident.reportKind.${reportKind}`) : '';
    const blanks = { note: '', destination: '', reportedBy: '', code: '', title: '', township: '', shelterName: '', depotName: '', itemName: '', unit: '' };
    return t(msg.key, { ...blanks, occupancy: '?', capacity: '?', available: '?', minLevel: '?', ...msg.params, priorityText, reportKindText });
  };

  const status = (s: TeamStatus) => t(`teamStatus.${s}`);
  const kind = (k: TeamKind) => t(`teamKind.${k}`);

  /** "队伍：全部" / "Team: All": the colon of the language on screen. */
  const labelled = (label: string, value: string | number) => t('common.labelled', { label, value: String(value) });
  /** Names in a list: "甲、乙" / "A, B". */
  const listText = (items: readonly string[]) => items.join(t('common.listJoin'));
  /** Clauses of one sentence: "1 项告警，1 项未确认" / "1 alarm, 1 not acknowledged". */
  const clauses = (parts: readonly string[]) => parts.join(t('common.clauseJoin'));
  const withUnit = (name: string, unit: string) => t('common.withUnit', { name, unit });

  return { t, locale, time, age, duration, errorText, alarmText, status, kind, labelled, listText, clauses, withUnit };
}
