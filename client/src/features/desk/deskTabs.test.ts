import { describe, expect, it } from 'vitest';
import { DESK_TABS, badgeText, tabAfterKey, tabBadges } from './deskTabs';

describe('desk tab badges', () => {
  it('counts work in hand on 调度 and 事件 and open alarms elsewhere; quiet tabs have none', () => {
    const badges = tabBadges({
      alarms: [
        { kind: 'stock_low', state: 'acknowledged' },
        { kind: 'stock_low', state: 'acknowledged' },
        { kind: 'sos', state: 'raised' },
      ],
      activeDispatches: 4,
      openIncidents: 0,
    });
    expect(badges).toEqual({
      teams: { count: 1, alarms: 1, unacknowledged: 1, tone: 'alarm' },
      dispatches: { count: 4, alarms: 0, unacknowledged: 0, tone: 'count' },
      supplies: { count: 2, alarms: 2, unacknowledged: 0, tone: 'warning' },
    });
  });

  it('turns the work count red while an alarm of that tab waits for acknowledgement', () => {
    const badges = tabBadges({ alarms: [{ kind: 'report_overdue', state: 'raised' }], activeDispatches: 0, openIncidents: 3 });
    expect(badges.incidents).toEqual({ count: 3, alarms: 1, unacknowledged: 1, tone: 'alarm' });
    expect(badges.dispatches).toBeUndefined();
  });

  it('counts gauge alarms on the 监测 tab', () => {
    const badges = tabBadges({ alarms: [{ kind: 'gauge_level', state: 'raised' }, { kind: 'gauge_offline', state: 'acknowledged' }], activeDispatches: 0, openIncidents: 0 });
    expect(badges).toEqual({ gauges: { count: 2, alarms: 2, unacknowledged: 1, tone: 'alarm' } });
  });

  it('shows at most two digits', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(140)).toBe('99+');
  });
});

describe('moving between tabs with the keyboard', () => {
  it('steps with the arrows, wrapping at both ends, and jumps with Home and End', () => {
    expect(tabAfterKey(DESK_TABS, 'teams', 'ArrowDown')).toBe('dispatches');
    expect(tabAfterKey(DESK_TABS, 'teams', 'ArrowUp')).toBe('cameras');
    expect(tabAfterKey(DESK_TABS, 'cameras', 'ArrowRight')).toBe('teams');
    expect(tabAfterKey(DESK_TABS, 'supplies', 'ArrowLeft')).toBe('shelters');
    expect(tabAfterKey(DESK_TABS, 'supplies', 'Home')).toBe('teams');
    expect(tabAfterKey(DESK_TABS, 'teams', 'End')).toBe('cameras');
    expect(tabAfterKey(DESK_TABS, 'teams', 'Enter')).toBeNull();
  });
});
