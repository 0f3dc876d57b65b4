import { DISPLAY_TIME_ZONE } from '@shared/enums';

type Style = 'time' | 'timeSeconds' | 'dateTime' | 'dateTimeSeconds';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  timeSeconds: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  dateTime: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  dateTimeSeconds: {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  },
};

const cache = new Map<string, Intl.DateTimeFormat>();

/** Every time on screen is Beijing time, whatever the machine's own zone is set to. */
export function formatInstant(value: string | number | Date | null | undefined, locale: string, style: Style = 'dateTime'): string {
  if (value == null) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const key = `${locale}|${style}`;
  let fmt = cache.get(key);
  if (!fmt) cache.set(key, (fmt = new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone: DISPLAY_TIME_ZONE })));
  return fmt.format(date);
}

export type AgeParts = { key: 'justNow' | 'seconds' | 'minutes' | 'hours' | 'days'; n: number };

/** Splits an elapsed time into the largest sensible unit for "3 分钟前". */
export function ageParts(ms: number): AgeParts {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 5) return { key: 'justNow', n: 0 };
  if (s < 60) return { key: 'seconds', n: s };
  if (s < 3600) return { key: 'minutes', n: Math.floor(s / 60) };
  if (s < 86_400) return { key: 'hours', n: Math.floor(s / 3600) };
  return { key: 'days', n: Math.floor(s / 86_400) };
}
