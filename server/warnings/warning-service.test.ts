import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HAZARDS, WARNING_COLOURS } from '../../shared/schemas/warning';
import { CapImportService } from './cap/cap-import-service';
import { commander, dutyOfficer, manualClock, openWarningServices, schemaComplaints } from './test-support';
import type { WarningService } from './warning-service';

let clock = manualClock();
let s: Awaited<ReturnType<typeof openWarningServices>>;
let warnings: WarningService;
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(clock.now() + h * HOUR).toISOString();

beforeEach(async () => {
  clock = manualClock();
  s = await openWarningServices(() => clock.now());
  warnings = s.warnings;
});
afterEach(() => s.close());

const typhoonBlue = () => ({ hazard: 'typhoon' as const, colour: 'blue' as const, townships: ['石浦镇', '鹤浦镇'], expires: inHours(24), exercise: false });

describe('county warnings', () => {
  it('drafts from the Chinese template, issues on the commander’s approval and records both people', async () => {
    const draft = await warnings.draft(typhoonBlue(), dutyOfficer);
    expect(draft).toMatchObject({ status: 'draft', msgType: 'Alert', identifier: null, draftedBy: { name: '值班员甲' }, approvedBy: null });
    expect(draft.texts['zh-CN'].headline).toBe('象山县发布台风蓝色预警[Ⅳ级/一般]');
    expect(draft.texts['zh-CN'].description).toContain('石浦镇、鹤浦镇');
    const edited = await warnings.editDraft(draft.id, { texts: { 'zh-CN': { ...draft.texts['zh-CN'], instruction: '渔船全部回港。' } } }, dutyOfficer);
    expect(edited.texts.en).toBeUndefined();
    clock.advance(60_000);
    const issued = await warnings.issue(draft.id, commander);
    expect(issued).toMatchObject({ status: 'issued', draftedBy: { name: '值班员甲' }, approvedBy: { name: '指挥长乙' }, identifier: '33022500000000_20250915090100' });
    await expect(warnings.issue(draft.id, commander)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(warnings.editDraft(draft.id, { colour: 'red' }, dutyOfficer)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('writes CAP 1.2 in the Chinese style: +08:00 times, severity and colour from the level, an area per township', async () => {
    const issued = await warnings.issue((await warnings.draft(typhoonBlue(), dutyOfficer)).id, commander);
    const { xml } = await warnings.capXml(issued.id);
    expect(xml).toContain('<sent>2025-09-15T09:00:00+08:00</sent>');
    expect(xml).toContain('<status>Actual</status>');
    expect(xml).toContain('<severity>Minor</severity>');
    expect(xml).toMatch(/<eventCode>\s*<valueName>National Event Type Code<\/valueName>\s*<value>11B01<\/value>/);
    expect(xml).toMatch(/<parameter>\s*<valueName>Colour<\/valueName>\s*<value>Blue<\/value>/);
    expect(xml.match(/<areaDesc>/g)).toHaveLength(4);
    expect(await schemaComplaints(xml)).toBe('');
    // What we publish, our own import reads back, polygons closed and inside the county.
    const caps = new CapImportService(s.store.db, s.transactor, () => clock.now());
    const { alert } = await caps.import(new TextEncoder().encode(xml), 'self', dutyOfficer);
    const area = alert.infos[0]!.areas[0]!;
    expect(area).toMatchObject({ description: '石浦镇', drawnFrom: 'alert' });
    expect(area.polygons[0]![0]![0]).toBeGreaterThan(121.7);
    expect(area.polygons[0]![0]![1]).toBeGreaterThan(28.9);
  });

  it('updates and cancels by new messages that reference the original; every one validates', async () => {
    const first = await warnings.issue((await warnings.draft(typhoonBlue(), dutyOfficer)).id, commander);
    clock.advance(2 * HOUR);
    const update = await warnings.draft({ ...typhoonBlue(), colour: 'orange', replacesId: first.id, expires: inHours(12) }, dutyOfficer);
    expect(update.msgType).toBe('Update');
    const updated = await warnings.issue(update.id, commander);
    expect(await warnings.get(first.id)).toMatchObject({ status: 'updated', replacedById: updated.id });
    const updateXml = (await warnings.capXml(updated.id)).xml;
    expect(updateXml).toContain(`<references>Xiangshan_County_Emergency_Command,${first.identifier},2025-09-15T09:00:00+08:00</references>`);
    await expect(warnings.draft({ ...typhoonBlue(), replacesId: first.id }, dutyOfficer)).rejects.toMatchObject({ code: 'CONFLICT' });
    clock.advance(HOUR);
    const cancel = await warnings.cancel(updated.id, '台风已远离本县。', commander);
    expect(cancel).toMatchObject({ msgType: 'Cancel', status: 'issued', replacesId: updated.id });
    expect(await warnings.get(updated.id)).toMatchObject({ status: 'cancelled' });
    const cancelXml = (await warnings.capXml(cancel.id)).xml;
    expect(cancelXml).toContain('<msgType>Cancel</msgType>');
    expect(cancelXml).toContain(`${first.identifier},2025-09-15T09:00:00+08:00 Xiangshan_County_Emergency_Command,${updated.identifier},2025-09-15T11:00:00+08:00`);
    expect(await schemaComplaints(updateXml)).toBe('');
    expect(await schemaComplaints(cancelXml)).toBe('');
  });

  it('marks an exercise as CAP Exercise and keeps it out of the public feed unless asked', async () => {
    const drill = await warnings.issue((await warnings.draft({ ...typhoonBlue(), exercise: true }, dutyOfficer)).id, commander);
    const real = await warnings.issue((await warnings.draft(typhoonBlue(), dutyOfficer)).id, commander);
    expect((await warnings.capXml(drill.id)).xml).toContain('<status>Exercise</status>');
    expect((await warnings.current(false)).map((c) => c.warning.id)).toEqual([real.id]);
    expect((await warnings.current(true)).map((c) => c.warning.id).sort()).toEqual([drill.id, real.id].sort());
    clock.advance(25 * HOUR);
    expect(await warnings.current(true)).toEqual([]);
  });

  it('gives two warnings issued in the same second distinct identifiers', async () => {
    const a = await warnings.issue((await warnings.draft(typhoonBlue(), dutyOfficer)).id, commander);
    const b = await warnings.issue((await warnings.draft(typhoonBlue(), dutyOfficer)).id, commander);
    expect([a.identifier, b.identifier]).toEqual(['33022500000000_20250915090000', '33022500000000_20250915090000_2']);
  });

  it('refuses an expiry before the start or beyond 7 days', async () => {
    await expect(warnings.draft({ ...typhoonBlue(), expires: inHours(-1) }, dutyOfficer)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(warnings.draft({ ...typhoonBlue(), expires: inHours(24 * 8) }, dutyOfficer)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('writes a valid alert for every hazard and colour, all 18 townships at once', async () => {
    const townships = (await import('../../shared/townships')).TOWNSHIP_NAMES;
    for (const hazard of HAZARDS) {
      for (const colour of WARNING_COLOURS) {
        const issued = await warnings.issue((await warnings.draft({ hazard, colour, townships: [...townships], expires: inHours(6), exercise: colour === 'red' }, dutyOfficer)).id, commander);
        const { xml } = await warnings.capXml(issued.id);
        expect(await schemaComplaints(xml), `${hazard} ${colour}`).toBe('');
        expect(Buffer.byteLength(xml)).toBeLessThan(200_000);
      }
    }
  }, 60_000);
});
