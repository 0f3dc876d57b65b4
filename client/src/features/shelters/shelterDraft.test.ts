import { describe, expect, it } from 'vitest';
import { ShelterCreateSchema, ShelterUpdateSchema } from '@shared/schemas/shelter';
import { ApiError } from '../../shell/api/apiError';
import { shelter } from './testFixtures';
import { COMMON_FACILITIES, MAX_FACILITIES, draftOf, facilityChoices, inputOf, registryRefusal, toggleFacility, withFacility } from './shelterDraft';

describe('the shelter form', () => {
  it('sends what the admin typed, trimmed, in the shape the server accepts for a new shelter and an edit', () => {
    const draft = { ...draftOf(null), name: ' 鹤浦中心小学 ', township: '鹤浦镇', capacity: 50, facilities: ['教室', '操场'], contactName: ' 王校长 ', contactPhone: '13800000000' };
    const input = inputOf(draft);
    expect(ShelterCreateSchema.parse(input)).toMatchObject({ name: '鹤浦中心小学', level: 'township', township: '鹤浦镇', capacity: 50, facilities: ['教室', '操场'], contactName: '王校长' });
    const existing = shelter('s1', { name: '丹城中学', level: 'county', township: '丹东街道', capacity: 800, facilities: ['医疗点'], location: { lat: 29.470146, lon: 121.895292 } });
    expect(ShelterUpdateSchema.parse(inputOf(draftOf(existing)))).toMatchObject({ name: '丹城中学', level: 'county', capacity: 800, facilities: ['医疗点'], location: existing.location });
  });

  it('offers the common facilities plus the shelter\'s own, toggles them, and ignores blanks, repeats and more than the server keeps', () => {
    expect(facilityChoices(['教室', '母婴室'])).toEqual([...COMMON_FACILITIES, '母婴室']);
    expect(toggleFacility(toggleFacility([], '操场'), '厨房')).toEqual(['操场', '厨房']);
    expect(toggleFacility(['操场', '厨房'], '操场')).toEqual(['厨房']);
    expect(withFacility(['操场'], '  母婴室 ')).toEqual(['操场', '母婴室']);
    expect(withFacility(['操场'], '   ')).toEqual(['操场']);
    expect(withFacility(['操场'], '操场')).toEqual(['操场']);
    expect(withFacility(['操场'], '很'.repeat(40))[1]).toHaveLength(30);
    const full = Array.from({ length: MAX_FACILITIES }, (_, i) => `设施${i}`);
    expect(withFacility(full, '再来一个')).toEqual(full);
  });
});

describe('registryRefusal', () => {
  it('says how many are checked in when the capacity would be lower, and names the invalid fields', () => {
    expect(registryRefusal(new ApiError('CONFLICT', 'no', 409, { occupancy: 12 }))).toEqual({ key: 'shelter.admin.refused.belowOccupancy', params: { occupancy: 12 }, fields: [] });
    const invalid = new ApiError('VALIDATION_FAILED', 'no', 400, [{ path: 'location.lat', message: 'x' }, { path: 'capacity', message: 'x' }, { path: 'location.lon', message: 'x' }]);
    expect(registryRefusal(invalid)).toEqual({ key: 'shelter.admin.refused.invalid', params: {}, fields: ['location', 'capacity'] });
  });

  it('leaves other errors to their code', () => {
    expect(registryRefusal(new ApiError('FORBIDDEN', 'no', 403))).toBeNull();
    expect(registryRefusal(new ApiError('CONFLICT', 'no', 409))).toBeNull();
    expect(registryRefusal(new ApiError('VALIDATION_FAILED', 'outside the county', 400))).toBeNull();
    expect(registryRefusal(new Error('boom'))).toBeNull();
  });
});
