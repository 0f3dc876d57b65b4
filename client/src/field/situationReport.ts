import type { Point } from '@shared/geo';
import type { FieldSituationReport, PhotoUpload } from '@shared/schemas/incident-record';

export const SITUATION_TEXT_MAX = 2000;

/**
 * The request a tablet sends for 灾情上报 (the outbox adds the `actionId`). The server's schema has no type field (it files every field
 * report as `other`), so the chosen type leads the text as 【type】 for the desk to read and re-type.
 */
export function buildSituationReport(input: { typeLabel: string | null; text: string; photo: PhotoUpload | null; position: Point | null }): Omit<FieldSituationReport, 'actionId'> {
  const body = input.text.trim();
  const text = (input.typeLabel ? `【${input.typeLabel}】${body}` : body).slice(0, SITUATION_TEXT_MAX);
  const position = input.position ? { lat: input.position.lat, lon: input.position.lon } : null;
  return input.photo ? { text, photo: input.photo, position } : { text, position };
}
