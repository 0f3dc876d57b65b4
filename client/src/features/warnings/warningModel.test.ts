import { describe, expect, it } from 'vitest';
import { peopleByTownship, silentPeople, stepTimes } from './answerBoard';
import { capColour, capInfoIn, capInForce, receivedSections } from './capModel';
import { coverageTotals, townshipStanding, townshipsByNeed } from './coverage';
import { makeExposure, townshipRow } from '../typhoon/testFixtures';
import { contactsByTownship, splitPhones } from './contactModel';
import { makeCapAlert, makeCapInfo, makeContact, makeRecipient, makeWarning } from './testFixtures';
import { beijingInput, fromBeijingInput, toggleTownship, typhoonFill } from './warningForm';
import { tickerItems } from './wallTicker';
import { outlineRings, warningAreas } from './warningAreas';
import { boardSections, capFileName, maySignOff, standingOf } from './warningBoard';

const NOW = Date.parse('2026-08-09T06:00:00.000Z');

describe('the desk’s warning lists', () => {
  it('puts drafts awaiting 签发 apart, the most severe warning in force first, and ended ones last; cancel messages are not listed', () => {
    const warnings = [
      makeWarning({ id: 'blue', colour: 'blue', issuedAt: '2026-08-09T05:00:00.000Z' }),
      makeWarning({ id: 'red', colour: 'red', issuedAt: '2026-08-09T01:00:00.000Z' }),
      makeWarning({ id: 'draft', status: 'draft', identifier: null, issuedAt: null, approvedBy: null }),
      makeWarning({ id: 'expired', expires: '2026-08-09T05:59:00.000Z' }),
      makeWarning({ id: 'cancelled', status: 'cancelled' }),
      makeWarning({ id: 'cancel-msg', msgType: 'Cancel' }),
    ];
    const s = boardSections(warnings, NOW);
    expect({ inForce: s.inForce.map((w) => w.id), drafts: s.drafts.map((w) => w.id), ended: s.ended.map((w) => w.id).sort() }).toEqual({
      inForce: ['red', 'blue'],
      drafts: ['draft'],
      ended: ['cancelled', 'expired'],
    });
    expect(standingOf(warnings[3]!, NOW)).toBe('expired');
  });

  it('lets only a commander sign off, and only a draft', () => {
    const draft = makeWarning({ status: 'draft' });
    expect([maySignOff(draft, { id: 'c', role: 'commander' }), maySignOff(draft, { id: 'd', role: 'duty_officer' }), maySignOff(makeWarning(), { id: 'c', role: 'commander' })]).toEqual([true, false, false]);
  });

  it('offers the CAP file of a published warning under its identifier, and none for a draft', () => {
    expect(capFileName(makeWarning({ identifier: '33022541600000_20260809060000' }))).toBe('33022541600000_20260809060000.xml');
    expect(capFileName(makeWarning({ status: 'draft', identifier: null, issuedAt: null }))).toBeNull();
  });
});

describe('received alerts', () => {
  it('shows the info in the reader’s language, else the first', () => {
    const alert = makeCapAlert();
    expect(capInfoIn(alert, 'en')?.senderName).toBe('Baoding Meteorological Observatory');
    expect(capInfoIn(alert, 'zh-CN')?.senderName).toBe('保定市气象台');
    expect(capInfoIn(makeCapAlert({ infos: [makeCapInfo({ language: 'fr-CA', headline: 'x' })] }), 'zh-CN')?.headline).toBe('x');
  });

  it('takes the colour from the words of the alert before its severity', () => {
    expect(capColour(makeCapAlert())).toBe('yellow');
    expect(capColour({ infos: [makeCapInfo({ headline: 'Special weather statement', event: 'weather', severity: 'Severe' })] })).toBe('orange');
    expect(capColour({ infos: [makeCapInfo({ headline: 'x', event: 'y', severity: 'Unknown' })] })).toBeNull();
  });

  it('counts an alert in force until it expires, is updated or cancelled', () => {
    expect(capInForce(makeCapAlert(), NOW)).toBe(true);
    expect(capInForce(makeCapAlert({ state: 'updated' }), NOW)).toBe(false);
    expect(capInForce(makeCapAlert({ infos: [makeCapInfo({ expires: '2026-08-09T05:00:00.000Z' })] }), NOW)).toBe(false);
    expect(receivedSections([makeCapAlert({ id: 'a', state: 'cancelled' }), makeCapAlert({ id: 'b' })], NOW).inForce.map((a) => a.id)).toEqual(['b']);
  });
});

describe('coverage', () => {
  it('adds up the townships and never rounds an unfinished count up to 100 %', () => {
    const t = coverageTotals([
      { township: '石浦镇', recipients: 200, received: 199, done: 10 },
      { township: '鹤浦镇', recipients: 0, received: 0, done: 0 },
    ]);
    expect(t).toEqual({ recipients: 200, received: 199, done: 10, receivedPercent: 99, donePercent: 5 });
    expect(coverageTotals([]).receivedPercent).toBeNull();
  });

  it('tells a silent township from one with no contacts, and lists the silent ones first', () => {
    const rows = [
      { township: '丹东街道', recipients: 2, received: 2, done: 2 },
      { township: '石浦镇', recipients: 2, received: 1, done: 0 },
      { township: '鹤浦镇', recipients: 0, received: 0, done: 0 },
      { township: '高塘岛乡', recipients: 3, received: 0, done: 0 },
    ];
    expect(rows.map(townshipStanding)).toEqual(['done', 'partial', 'no_contacts', 'silent']);
    expect(townshipsByNeed(rows).map((r) => r.township)).toEqual(['高塘岛乡', '鹤浦镇', '石浦镇', '丹东街道']);
  });
});

describe('the 叫应 board', () => {
  const people = [
    makeRecipient({ id: 'a', name: '乙', state: 'received' }),
    makeRecipient({ id: 'b', name: '甲', state: 'sent', queuedAt: '2026-08-09T00:10:00.000Z' }),
    makeRecipient({ id: 'c', name: '丙', township: '鹤浦镇', state: 'opened', queuedAt: '2026-08-09T00:00:00.000Z' }),
  ];

  it('groups people by township in the warning’s order, the silent first', () => {
    expect(peopleByTownship(['鹤浦镇', '石浦镇', '高塘岛乡'], people).map((g) => [g.township, g.people.map((p) => p.id)])).toEqual([
      ['鹤浦镇', ['c']],
      ['石浦镇', ['b', 'a']],
      ['高塘岛乡', []],
    ]);
  });

  it('lists who to call: everyone who has not answered, asked longest ago first', () => {
    expect(silentPeople(people).map((p) => p.id)).toEqual(['c', 'b']);
  });

  it('gives each step its time', () => {
    expect(stepTimes(makeRecipient({ openedAt: '2026-08-09T00:03:00.000Z' })).map((s) => s.at !== null)).toEqual([true, true, true, false, false]);
  });
});

describe('the wall’s warning panel', () => {
  it('lists real warnings before exercises, the most severe first, the county’s with their coverage, headlines in the wall’s language', () => {
    const items = tickerItems({
      warnings: [makeWarning({ id: 'orange' }), makeWarning({ id: 'red-exercise', colour: 'red', exercise: true }), makeWarning({ id: 'draft', status: 'draft' })],
      capAlerts: [makeCapAlert({ id: 'cap-yellow' })],
      coverage: { orange: { warningId: 'orange', townships: [{ township: '石浦镇', recipients: 4, received: 3, done: 1 }] } },
      locale: 'en',
      now: NOW,
    });
    expect(items.map((i) => [i.key, i.colour])).toEqual([
      ['orange', 'orange'],
      ['cap-yellow', 'yellow'],
      ['red-exercise', 'red'],
    ]);
    expect(items[0]).toMatchObject({ headline: 'Xiangshan issues an orange typhoon warning', coverage: { receivedPercent: 75 } });
    expect(items[1]).toMatchObject({ source: 'received', sender: 'Baoding Meteorological Observatory', places: ['保定市'], coverage: null });
  });
});

describe('the contacts registry', () => {
  it('groups by township in the county’s order, primaries before their backups, each with their B角', () => {
    const b = makeContact({ id: 'b', name: '石浦B角', duty: 'deputy_head' });
    const a = makeContact({ id: 'a', name: '石浦A角', backupId: 'b' });
    const h = makeContact({ id: 'h', name: '鹤浦镇长', township: '鹤浦镇' });
    const groups = contactsByTownship([b, h, a], ['鹤浦镇', '石浦镇', '高塘岛乡']);
    expect(groups.map((g) => [g.township, g.contacts.map((c) => [c.contact.id, c.backup?.id ?? null, c.backupOf.map((o) => o.id)])])).toEqual([
      ['鹤浦镇', [['h', null, []]]],
      ['石浦镇', [['a', 'b', []], ['b', null, ['a']]]],
    ]);
  });

  it('reads phone numbers typed with any separator', () => {
    expect(splitPhones('13900000001；0574-6578 1234, 13900000002')).toEqual(['13900000001', '0574-6578', '1234', '13900000002']);
    expect(splitPhones(' 13900000001 / 13900000002 ')).toEqual(['13900000001', '13900000002']);
  });
});

describe('composing a warning', () => {
  it('reads and writes times as Beijing time', () => {
    expect(beijingInput('2026-08-09T00:00:00.000Z')).toBe('2026-08-09T08:00');
    expect(fromBeijingInput('2026-08-09T08:00')).toBe('2026-08-09T00:00:00.000Z');
    expect(fromBeijingInput('')).toBeNull();
  });

  it('toggles a township clicked on the map, keeping the county’s order', () => {
    const order = ['丹东街道', '石浦镇', '鹤浦镇'];
    expect(toggleTownship(['鹤浦镇'], '丹东街道', order)).toEqual(['丹东街道', '鹤浦镇']);
    expect(toggleTownship(['丹东街道', '鹤浦镇'], '丹东街道', order)).toEqual(['鹤浦镇']);
  });

  it('takes a typhoon warning’s townships and colour from the storm’s exposure', () => {
    const row = (name: string, inside: boolean, reached: boolean) =>
      townshipRow(name, { insideNow: { level7: inside, level10: false, level12: null }, circles: { level7: reached ? { state: 'reached', enteredAt: '2026-08-10T00:00:00.000Z', leftAt: null } : { state: 'not_reached' }, level10: { state: 'not_reached' }, level12: { state: 'no_data' } } });
    const suggestion = { state: 'suggested' as const, signal: 'yellow' as const, rule: { signal: 'yellow' as const, level: 'level7' as const, withinHours: 12 }, reachesAt: '2026-08-10T00:00:00.000Z' };
    const exposure = makeExposure([row('鹤浦镇', false, true), row('石浦镇', true, false), row('丹东街道', false, false)], { suggestion });
    expect(typhoonFill(exposure, ['丹东街道', '石浦镇', '鹤浦镇'])).toEqual({ townships: ['石浦镇', '鹤浦镇'], colour: 'yellow' });
  });
});

describe('warning areas on the map', () => {
  const outlines = new Map([
    ['石浦镇', [[[121.9, 29.2], [122, 29.2], [122, 29.3], [121.9, 29.2]]]],
    ['鹤浦镇', [[[122, 29.1], [122.1, 29.1], [122.1, 29.2], [122, 29.1]], [[122.2, 29.1], [122.3, 29.1], [122.3, 29.2], [122.2, 29.1]]]],
  ]);

  it('draws the county’s warnings from their townships’ outlines, a received alert from its own polygons and circles, the most severe on top', () => {
    const circleAlert = makeCapAlert({ id: 'cap-circle', infos: [makeCapInfo({ severity: 'Extreme', headline: 'x', event: 'y', areas: [{ description: 'c', polygons: [], circles: [{ lat: 29, lon: 122, radiusKm: 20 }], geocodes: [], drawnFrom: 'alert', outlineOf: null }] })] });
    const areas = warningAreas({ warnings: [makeWarning(), makeWarning({ id: 'draft', status: 'draft' })], capAlerts: [makeCapAlert(), circleAlert], outlines, now: NOW, locale: 'zh-CN' });
    expect(areas.map((a) => [a.key, a.colour, a.rings.length])).toEqual([
      ['cap-1', 'yellow', 1],
      ['warning-1', 'orange', 3],
      ['cap-circle', 'red', 1],
    ]);
    expect(areas[2]!.rings[0]!.length).toBeGreaterThan(8);
  });

  it('draws an alert naming only an area code from that township’s outline, else the county’s', () => {
    const byCode = (drawnFrom: 'township' | 'county', outlineOf: string | null) => makeCapAlert({ id: drawnFrom, infos: [makeCapInfo({ areas: [{ description: 'd', polygons: [], circles: [], geocodes: [], drawnFrom, outlineOf }] })] });
    const areas = warningAreas({ warnings: [], capAlerts: [byCode('township', '鹤浦镇'), byCode('county', null)], outlines, now: NOW, locale: 'zh-CN' });
    expect(areas.map((a) => [a.key, a.rings.length])).toEqual([
      ['township', 2],
      ['county', 3],
    ]);
  });

  it('reads the outer ring of each polygon of a township outline', () => {
    const rings = outlineRings([{ properties: { name: 'A' }, geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.1]]], [[[2, 2], [3, 2], [3, 3], [2, 2]]]] } }]);
    expect(rings.get('A')?.map((r) => r[0])).toEqual([[0, 0], [2, 2]]);
  });
});
