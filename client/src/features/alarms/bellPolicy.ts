import type { Alarm } from '@shared/schemas/alarm';

export const REPEAT_INTERVAL_MS = 10_000;

export const isOpen = (alarm: Alarm): boolean => alarm.state === 'raised' || alarm.state === 'acknowledged';

/** A newly raised alarm rings once unless it is silent. */
export const ringsOnRaise = (alarm: Alarm): boolean => alarm.sound !== 'none' && alarm.state === 'raised';
