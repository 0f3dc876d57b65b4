import type { Agency, Grade, WindLevel } from '@shared/schemas/typhoon';
import type { Signal } from '@shared/schemas/typhoon-exposure';

/** Track colours by GB/T 19201-2006 grade, weakest to strongest: cool to hot, readable on the dark wall and the light desk. */
export const GRADE_COLORS: Record<Grade, string> = {
  TD: '#22c55e',
  TS: '#3b82f6',
  STS: '#eab308',
  TY: '#f97316',
  STY: '#ef4444',
  SuperTY: '#a21caf',
};
/** A point with no wind to grade (or extratropical). */
export const UNGRADED_COLOR = '#94a3b8';

export const gradeColor = (grade: Grade | null): string => (grade ? GRADE_COLORS[grade] : UNGRADED_COLOR);

/** Each agency's forecast in its own colour (dashed on the map). */
export const AGENCY_COLORS: Record<Agency, string> = {
  BABJ: '#dc2626',
  RJTD: '#16a34a',
  PGTW: '#2563eb',
  VHHH: '#d946ef',
  RCTP: '#f59e0b',
};

/** Wind circles: 7-level the widest and palest, 12-level the narrowest and darkest. */
export const LEVEL_COLORS: Record<WindLevel, string> = { level7: '#facc15', level10: '#fb923c', level12: '#dc2626' };

export const SIGNAL_COLORS: Record<Signal, string> = { blue: '#2563eb', yellow: '#eab308', orange: '#f97316', red: '#dc2626' };

/** The CMA warning lines as the bulletins' maps draw them: 24 h yellow, 48 h blue. */
export const WARNING_LINE_COLORS = { h24: '#facc15', h48: '#60a5fa' } as const;

/** The 70 % probability circles along the Chinese forecast. */
export const PROBABILITY_COLOR = '#f8fafc';
