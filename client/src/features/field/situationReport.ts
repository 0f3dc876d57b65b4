import type { Point } from '@shared/geo';
import type { IncidentType } from '@shared/schemas/incident';
import type { FieldSituationReport, PhotoUpload } from '@shared/schemas/incident-record';

export const SITUATION_TEXT_MAX = 2000;

/** The request a tablet sends for 灾情上报 (the outbox adds the `actionId`). */
export function buildSituationReport(input: { type: IncidentType | null; text: string; photo: PhotoUpload | null; position: Point | null }): Omit<FieldSituationReport, 'actionId'> {
  const text = input.text.trim().slice(0, SITUATION_TEXT_MAX);
  const position = input.position ? { lat: input.position.lat, lon: input.position.lon } : null;
  const type = input.type ?? 'other';
  return input.photo ? { type, text, photo: input.photo, position } : { type, text, position };
}
