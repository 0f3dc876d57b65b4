import type { CapAlert, CapInfo } from '@shared/schemas/cap-alert';
import type { WarningColour } from '@shared/schemas/warning';

/** The `<info>` in the reader's language (zh-CN, zh, en-US… by their first part), else the first one. */
export function capInfoIn(alert: Pick<CapAlert, 'infos'>, locale: string): CapInfo | undefined {
  const want = locale.split('-')[0]!.toLowerCase();
  return alert.infos.find((i) => i.language.split('-')[0]!.toLowerCase() === want) ?? alert.infos[0];
}

const COLOUR_WORDS: Array<[WarningColour, RegExp]> = [
  ['red', /红色|\bred\b/i],
  ['orange', /橙色|\borange\b/i],
  ['yellow', /黄色|\byellow\b/i],
  ['blue', /蓝色|\bblue\b/i],
];
const COLOUR_OF_SEVERITY: Record<string, WarningColour> = { Extreme: 'red', Severe: 'orange', Moderate: 'yellow', Minor: 'blue' };

/**
 * The signal colour of a received alert: a colour parameter or the colour named in the headline (Chinese
 * bureaus write 黄色预警), else the CAP severity (Extreme 红, Severe 橙, Moderate 黄, Minor 蓝); null when none says.
 */
export function capColour(alert: Pick<CapAlert, 'infos'>): WarningColour | null {
  for (const info of alert.infos) {
    const named = [...info.parameters.map((p) => p.value), info.headline, info.event].join(' ');
    for (const [colour, pattern] of COLOUR_WORDS) if (pattern.test(named)) return colour;
  }
  for (const info of alert.infos) {
    const colour = COLOUR_OF_SEVERITY[info.severity];
    if (colour) return colour;
  }
  return null;
}

/** When it ends: the latest expiry of its infos; null when none gives one. */
export function capExpires(alert: Pick<CapAlert, 'infos'>): string | null {
  const all = alert.infos.map((i) => i.expires).filter((e): e is string => e !== null);
  return all.length ? all.reduce((a, b) => (a > b ? a : b)) : null;
}

/** In force: not replaced, not itself a cancel, not past its expiry, and not a test. */
export function capInForce(alert: CapAlert, now: number): boolean {
  if (alert.state !== 'active' || alert.msgType === 'Cancel' || alert.status === 'Test' || alert.status === 'System') return false;
  const expires = capExpires(alert);
  return expires === null || Date.parse(expires) > now;
}

/** Received alerts for the desk: in force first (newest sent first), then the ended ones. */
export function receivedSections(alerts: readonly CapAlert[], now: number): { inForce: CapAlert[]; ended: CapAlert[] } {
  const newest = (a: CapAlert, b: CapAlert) => b.sent.localeCompare(a.sent);
  return { inForce: alerts.filter((a) => capInForce(a, now)).sort(newest), ended: alerts.filter((a) => !capInForce(a, now) && a.msgType !== 'Cancel').sort(newest) };
}
