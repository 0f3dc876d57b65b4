import { describe, expect, it } from 'vitest';
import { StationCreateSchema } from '@shared/schemas/station';
import { draftOf, stationBody, withKind } from './stationDraft';
import { makeReservoir } from './testFixtures';

describe('the admin station form', () => {
  it('gives back the station it was opened on, unchanged', () => {
    const station = makeReservoir({ sl651: { address: '0033022501', password: '1234', workMode: 'M2' } });
    const body = stationBody(draftOf(station));
    expect(StationCreateSchema.parse(body)).toMatchObject({ code: station.code, thresholds: station.thresholds, sl651: station.sl651, location: station.location, township: station.township });
  });

  it('starts a new gauge with the national rainstorm criteria and no level lines', () => {
    const draft = { ...draftOf(null), code: 'XS-NEW', name: '新站', lat: '29.47', lon: '121.87' };
    const body = StationCreateSchema.parse(stationBody(draft));
    expect(body.thresholds.level).toBeNull();
    expect(body.thresholds.rain.map((r) => r.signal)).toEqual(['blue', 'yellow', 'orange', 'red']);
    expect(body.township).toBeUndefined();
  });

  it('sets a line left empty to none, and switching the kind swaps the usual elements only', () => {
    const draft = { ...draftOf(makeReservoir()), guaranteed: '' };
    expect(stationBody(draft).thresholds?.level).toEqual({ warning: 30, guaranteed: null, hysteresis: 0.05 });
    expect(withKind(draftOf(null), 'tide').elements).toEqual(['level', 'voltage']);
    expect(withKind({ ...draftOf(null), elements: ['rain'] }, 'tide').elements).toEqual(['rain']);
  });
});
