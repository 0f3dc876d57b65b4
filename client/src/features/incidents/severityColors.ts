import type { IncidentSeverity } from '@shared/schemas/incident';

/** 一般 blue, 较大 yellow, 重大 orange, 特别重大 red (the national four-level colours). */
export const SEVERITY_COLORS: Record<IncidentSeverity, string> = {
  general: '#3b82f6',
  major: '#eab308',
  serious: '#f97316',
  extraordinary: '#dc2626',
};
