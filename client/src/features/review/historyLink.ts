import type { HistoryEntry, HistoryKind } from '@shared/schemas/history';

/** Where a record's history page is: every detail view links here ("who did what when"). */
export const historyPath = (kind: HistoryKind, id: string): string => `/history/${kind}/${encodeURIComponent(id)}`;

/** An entry's facts as one line, `to: accepted · channel: tablet`, skipping the empty ones. */
export function detailLine(entry: Pick<HistoryEntry, 'detail'>, word: (key: string, value: string) => string): string {
  return Object.entries(entry.detail)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => word(k, String(v)))
    .join(' · ');
}
