import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentCreateSchema } from '../../shared/schemas/incident';
import { FieldSituationReportSchema, MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE } from '../../shared/schemas/incident-record';
import { parseInput } from '../validation';
import { decodePhotoHeader } from './attachment-files';
import { deskActor, fieldPrincipal, jpegBytes, majorIncidentInput, openIncidentTestServices, pngBytes, type IncidentTestServices } from './test-support';

let s: IncidentTestServices;
beforeEach(async () => {
  s = await openIncidentTestServices(() => Date.UTC(2025, 8, 15, 1, 0, 0));
  await s.addTeam('zone-central', '中片综合应急救援队');
});
afterEach(() => s.close());

const png = (w: number, h: number) => ({ mime: 'image/png' as const, dataBase64: pngBytes(w, h).toString('base64') });
const jpeg = (w: number, h: number) => ({ mime: 'image/jpeg' as const, dataBase64: jpegBytes(w, h, 2_000).toString('base64') });
const onDisk = () => (fs.existsSync(s.attachmentDir) ? fs.readdirSync(s.attachmentDir) : []);
const report = (photo: { mime: 'image/png' | 'image/jpeg'; dataBase64: string }, actionId: string = randomUUID(), text = '丹城镇新华路积水齐膝') =>
  parseInput(FieldSituationReportSchema, { actionId, text, photo });

describe('photo header checks', () => {
  it.each([
    ['a phone photo', 'image/jpeg', jpegBytes(4032, 3024), { width: 4032, height: 3024 }],
    ['the largest side', 'image/png', pngBytes(MAX_PHOTO_SIDE, 3000), { width: MAX_PHOTO_SIDE, height: 3000 }],
    ['just under 50 megapixels', 'image/png', pngBytes(10_000, 5_000), { width: 10_000, height: 5_000 }],
  ] as const)('takes %s', (_what, mime, bytes, size) => {
    expect(decodePhotoHeader(bytes, mime)).toEqual(size);
  });

  it.each([
    ['a small PNG that decodes to 20000×20000', 'image/png', pngBytes(20_000, 20_000), 'PAYLOAD_TOO_LARGE'],
    ['one pixel over the side limit', 'image/png', pngBytes(MAX_PHOTO_SIDE + 1, 10), 'PAYLOAD_TOO_LARGE'],
    ['a tall JPEG', 'image/jpeg', jpegBytes(100, 20_000), 'PAYLOAD_TOO_LARGE'],
    ['over 50 megapixels within the side limit', 'image/png', pngBytes(10_000, 5_001), 'PAYLOAD_TOO_LARGE'],
    ['a JPEG signature followed by noise', 'image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5_000, 1)]), 'VALIDATION_FAILED'],
    ['a PNG signature followed by noise', 'image/png', Buffer.concat([pngBytes(1, 1).subarray(0, 8), Buffer.alloc(100, 1)]), 'VALIDATION_FAILED'],
    ['a PNG sent as a JPEG', 'image/jpeg', pngBytes(10, 10), 'VALIDATION_FAILED'],
    ['a JPEG sent as a PNG', 'image/png', jpegBytes(10, 10), 'VALIDATION_FAILED'],
    ['zero width', 'image/png', pngBytes(0, 10), 'VALIDATION_FAILED'],
    ['text', 'image/png', Buffer.from('not an image at all'), 'VALIDATION_FAILED'],
  ] as const)('refuses %s', (_what, mime, bytes, code) => {
    expect(() => decodePhotoHeader(bytes, mime)).toThrow(expect.objectContaining({ code }));
  });

  it('keeps its limits where the issue puts them', () => {
    expect([MAX_PHOTO_SIDE, MAX_PHOTO_PIXELS]).toEqual([16_384, 50_000_000]);
  });
});

describe('a refused photo leaves no file behind', () => {
  it('stores nothing for a desk upload or a field report whose photo is refused', async () => {
    const { id } = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), deskActor);
    await expect(s.attachments.addPhoto(id, png(20_000, 20_000), deskActor)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(s.fieldReports.file(report(png(20_000, 20_000)), fieldPrincipal('zone-central'))).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(s.fieldReports.file(report({ mime: 'image/jpeg', dataBase64: Buffer.alloc(300, 0xff).toString('base64') }), fieldPrincipal('zone-central'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(s.attachments.addPhoto('no-such-incident', jpeg(40, 30), deskActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(onDisk()).toEqual([]);
  });

  it('removes the photo of a report refused after it was stored, but never a photo an attachment uses', async () => {
    const actionId = randomUUID();
    await s.fieldReports.file(report(jpeg(40, 30), actionId), fieldPrincipal('zone-central'));
    const kept = onDisk();
    expect(kept).toHaveLength(1);
    // The same action id with another report: refused once the photo is on disk.
    await expect(s.fieldReports.file(report(jpeg(80, 60), actionId, '另一份上报'), fieldPrincipal('zone-central'))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(onDisk()).toEqual(kept);
    // Refused with the very photo the first report attached: that file stays.
    await expect(s.fieldReports.file(report(jpeg(40, 30), actionId, '又一份上报'), fieldPrincipal('zone-central'))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(onDisk()).toEqual(kept);
  });
});
