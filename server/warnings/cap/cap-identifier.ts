/**
 * CAP identifiers and times in the form Chinese warning publishers use (see the Baoding fixture:
 * `13060041600000_20240712213138`): the sender's 14-digit code (6-digit administrative area code, 3-digit
 * department code, 5 zeros), an underscore, and the Beijing time of issue as yyyyMMddHHmmss. A second
 * warning issued in the same second gets a serial: `…_20240712213138_2`.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const beijingParts = (at: number) => {
  const iso = new Date(at + BEIJING_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
};

/** `2026-12-07T13:02:11+08:00`: CAP's `sent`, `effective` and `expires`, written in Beijing time. */
export function beijingDateTime(at: number | string): string {
  const { date, time } = beijingParts(typeof at === 'string' ? Date.parse(at) : at);
  return `${date}T${time}+08:00`;
}

export function capIdentifier(senderCode: string, at: number, serial = 1): string {
  const { date, time } = beijingParts(at);
  const stamp = `${date.replaceAll('-', '')}${time.replaceAll(':', '')}`;
  return serial > 1 ? `${senderCode}_${stamp}_${serial}` : `${senderCode}_${stamp}`;
}
