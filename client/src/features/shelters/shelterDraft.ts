import type { Point } from '@shared/geo';
import type { Shelter, ShelterCreate } from '@shared/schemas/shelter';
import { isApiError } from '../../shell/api/apiError';

export type ShelterLevel = Shelter['level'];

/** The admin's shelter form fields. */
export interface ShelterDraft {
  name: string;
  level: ShelterLevel;
  township: string;
  address: string;
  lat: number;
  lon: number;
  capacity: number | null;
  facilities: string[];
  contactName: string;
  contactPhone: string;
}

/** Facilities most shelters (mainly schools) list, offered as chips; others can be typed in. */
export const COMMON_FACILITIES = ['教室', '操场', '卫生间', '饮用水', '床铺', '厨房', '医疗点', '备用发电机', '无障碍通道'] as const;
/** The server keeps at most this many facilities of up to 30 characters each. */
export const MAX_FACILITIES = 20;
const MAX_FACILITY_LENGTH = 30;

/** Where a new shelter starts on the map: the county seat (丹东街道). */
const COUNTY_SEAT: Point = { lat: 29.4768, lon: 121.8694 };

export function draftOf(shelter: Shelter | null): ShelterDraft {
  return {
    name: shelter?.name ?? '',
    level: shelter?.level ?? 'township',
    township: shelter?.township ?? '',
    address: shelter?.address ?? '',
    lat: shelter?.location.lat ?? COUNTY_SEAT.lat,
    lon: shelter?.location.lon ?? COUNTY_SEAT.lon,
    capacity: shelter?.capacity ?? null,
    facilities: [...(shelter?.facilities ?? [])],
    contactName: shelter?.contactName ?? '',
    contactPhone: shelter?.contactPhone ?? '',
  };
}

/** What the form sends, for a new shelter and (every registry field) for an edit. */
export function inputOf(draft: ShelterDraft): ShelterCreate {
  return {
    name: draft.name.trim(),
    level: draft.level,
    township: draft.township,
    address: draft.address.trim(),
    location: { lat: Number(draft.lat), lon: Number(draft.lon) },
    capacity: Number(draft.capacity),
    facilities: draft.facilities,
    contactName: draft.contactName.trim(),
    contactPhone: draft.contactPhone.trim(),
  };
}

/** The chips to show: the common facilities, then any others the shelter has. */
export function facilityChoices(current: readonly string[]): string[] {
  const common: readonly string[] = COMMON_FACILITIES;
  return [...common, ...current.filter((f) => !common.includes(f))];
}

/** Adds a typed-in facility (trimmed, cut to what the server keeps); blanks, repeats and a 21st are ignored. */
export function withFacility(current: readonly string[], name: string): string[] {
  const clean = name.trim().slice(0, MAX_FACILITY_LENGTH);
  if (!clean || current.includes(clean) || current.length >= MAX_FACILITIES) return [...current];
  return [...current, clean];
}

export function toggleFacility(current: readonly string[], name: string): string[] {
  return current.includes(name) ? current.filter((f) => f !== name) : withFacility(current, name);
}

export const REGISTRY_FIELDS = ['name', 'level', 'township', 'address', 'location', 'capacity', 'facilities', 'contactName', 'contactPhone'] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

export interface RegistryRefusal {
  key: string;
  params: Record<string, number>;
  /** The fields the server found invalid, for `invalid`. */
  fields: RegistryField[];
}

/**
 * Why the server refused a shelter, as an i18n key: a capacity below the people checked in, or the fields
 * it found invalid; null for any other error (worded by its code).
 */
export function registryRefusal(e: unknown): RegistryRefusal | null {
  if (!isApiError(e)) return null;
  if (e.code === 'CONFLICT') {
    const occupancy = (e.details as { occupancy?: unknown } | undefined)?.occupancy;
    return typeof occupancy === 'number' ? { key: 'shelter.admin.refused.belowOccupancy', params: { occupancy }, fields: [] } : null;
  }
  if (e.code !== 'VALIDATION_FAILED' || !Array.isArray(e.details)) return null;
  const known: readonly string[] = REGISTRY_FIELDS;
  const fields = new Set<RegistryField>();
  for (const issue of e.details as Array<{ path?: unknown }>) {
    const head = typeof issue?.path === 'string' ? (issue.path.split('.')[0] ?? '') : '';
    if (known.includes(head)) fields.add(head as RegistryField);
  }
  return fields.size ? { key: 'shelter.admin.refused.invalid', params: {}, fields: [...fields] } : null;
}
