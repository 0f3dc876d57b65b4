import type { Incident } from '@shared/schemas/incident';

/** How every screen names an incident: its number and title (20250915-003 渔船遇险), never its id. */
export const incidentLabel = (incident: Pick<Incident, 'code' | 'title'>): string => `${incident.code} ${incident.title}`;
