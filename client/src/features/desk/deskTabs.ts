import type { AlarmKind } from '@shared/enums';
import type { Alarm } from '@shared/schemas/alarm';

/** The desk's left-column tabs, in rail order. */
export const DESK_TABS = ['teams', 'dispatches', 'incidents', 'shelters', 'supplies', 'duty', 'typhoon', 'gauges', 'warnings', 'response', 'review', 'cameras'] as const;
export type DeskTab = (typeof DESK_TABS)[number];

/** The tab where the desk deals with each kind of alarm. */
export const ALARM_TAB: Record<AlarmKind, DeskTab> = {
  unit_silent: 'teams',
  sos: 'teams',
  dispatch_undelivered: 'dispatches',
  dispatch_unaccepted: 'dispatches',
  report_overdue: 'incidents',
  shelter_near_full: 'shelters',
  shelter_full: 'shelters',
  stock_low: 'supplies',
  // The 叫应 board: who is silent, their numbers, and the 电话叫应 record.
  warning_unanswered: 'warnings',
  // The 监测 tab lists the stations by state; a guaranteed level or red rain also drafts an incident (事件).
  gauge_rain: 'gauges',
  gauge_level: 'gauges',
  gauge_wind: 'gauges',
  gauge_offline: 'gauges',
  task_overdue: 'response',
};

/**
 * `alarm`: an alarm of the tab waits for acknowledgement; `warning`: its alarms are all acknowledged but
 * still open; `count`: nothing is wrong, the number is work in hand.
 */
export type BadgeTone = 'alarm' | 'warning' | 'count';

export interface TabBadge {
  count: number;
  /** Open alarms of the tab (raised or acknowledged). */
  alarms: number;
  /** Of those, raised and not yet acknowledged. */
  unacknowledged: number;
  tone: BadgeTone;
}

export interface TabBadgeInput {
  /** Open alarms (the alarms store drops cleared ones). */
  alarms: ReadonlyArray<Pick<Alarm, 'kind' | 'state'>>;
  activeDispatches: number;
  openIncidents: number;
}

/**
 * The number on each tab: dispatches and incidents show work in hand (active dispatches, open
 * incidents); the other tabs show their open alarms. Tabs with nothing to show have no badge.
 */
export function tabBadges(input: TabBadgeInput): Partial<Record<DeskTab, TabBadge>> {
  const open = new Map<DeskTab, number>();
  const raised = new Map<DeskTab, number>();
  for (const alarm of input.alarms) {
    const tab = ALARM_TAB[alarm.kind];
    open.set(tab, (open.get(tab) ?? 0) + 1);
    if (alarm.state === 'raised') raised.set(tab, (raised.get(tab) ?? 0) + 1);
  }
  const workInHand: Partial<Record<DeskTab, number>> = { dispatches: input.activeDispatches, incidents: input.openIncidents };
  const badges: Partial<Record<DeskTab, TabBadge>> = {};
  for (const tab of DESK_TABS) {
    const alarms = open.get(tab) ?? 0;
    const count = workInHand[tab] || alarms;
    if (count === 0 && alarms === 0) continue;
    const unacknowledged = raised.get(tab) ?? 0;
    const tone: BadgeTone = unacknowledged ? 'alarm' : alarms ? 'warning' : 'count';
    badges[tab] = { count, alarms, unacknowledged, tone };
  }
  return badges;
}

/** A badge's number as shown: at most two digits. */
export const badgeText = (n: number): string => (n > 99 ? '99+' : String(n));

/** The tab a key press moves to on a vertical (or, when the rail lies flat, horizontal) tab list; null: not a move key. */
export function tabAfterKey(tabs: readonly DeskTab[], current: DeskTab, key: string): DeskTab | null {
  const index = tabs.indexOf(current);
  const last = tabs.length - 1;
  if (key === 'ArrowDown' || key === 'ArrowRight') return tabs[index >= last ? 0 : index + 1] ?? null;
  if (key === 'ArrowUp' || key === 'ArrowLeft') return tabs[index <= 0 ? last : index - 1] ?? null;
  if (key === 'Home') return tabs[0] ?? null;
  if (key === 'End') return tabs[last] ?? null;
  return null;
}
