import { describe, expect, it } from 'vitest';
import { FieldSituationReportSchema } from '@shared/schemas/incident-record';
import { buildSituationReport } from './situationReport';

describe('buildSituationReport', () => {
  it('sends the chosen type, keeps only lat/lon of a fix, and passes the strict schema', () => {
    const req = buildSituationReport({ type: 'flash_flood', text: '  桥面过水 ', photo: { mime: 'image/jpeg', dataBase64: 'AAAA' }, position: { lat: 29.4, lon: 121.8, t: 1, acc: 5 } as never });
    expect(req).toEqual({ type: 'flash_flood', text: '桥面过水', photo: { mime: 'image/jpeg', dataBase64: 'AAAA' }, position: { lat: 29.4, lon: 121.8 } });
    expect(FieldSituationReportSchema.safeParse({ ...req, actionId: crypto.randomUUID() }).success).toBe(true);
  });

  it('goes without photo or position, and stays within 2000 characters', () => {
    const req = buildSituationReport({ type: null, text: 'x'.repeat(2500), photo: null, position: null });
    expect(req).toEqual({ type: 'other', text: 'x'.repeat(2000), position: null });
    expect(FieldSituationReportSchema.safeParse({ ...req, actionId: crypto.randomUUID() }).success).toBe(true);
  });
});
