import type { SensorElement } from '@shared/schemas/sensor-element';
import { DEFAULT_ELEMENTS, DEFAULT_RAIN_THRESHOLDS, type RainThreshold, type Sl651Settings, type Station, type StationCreate, type StationKind } from '@shared/schemas/station';

/** The admin's station form as typed: numbers as text (empty: not set), the RTU as an on/off part. */
export interface StationDraft {
  code: string;
  name: string;
  kind: StationKind;
  lat: string;
  lon: string;
  /** Empty: decided from the location. */
  township: string;
  elements: SensorElement[];
  interval: string;
  warning: string;
  guaranteed: string;
  windBeaufort: string;
  rain: RainThreshold[];
  sl651: boolean;
  address: string;
  password: string;
  workMode: Sl651Settings['workMode'];
  /** Kept from the station being edited (the form does not show them). */
  hysteresis: number;
  rainHysteresisShare: number;
}

const text = (n: number | null | undefined) => (n == null ? '' : String(n));
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

export function draftOf(station: Station | null): StationDraft {
  if (!station) {
    return { code: '', name: '', kind: 'rain', lat: '', lon: '', township: '', elements: [...DEFAULT_ELEMENTS.rain], interval: '300', warning: '', guaranteed: '', windBeaufort: '', rain: [...DEFAULT_RAIN_THRESHOLDS], sl651: false, address: '', password: '', workMode: 'M2', hysteresis: 0.05, rainHysteresisShare: 0.1 };
  }
  const t = station.thresholds;
  return {
    code: station.code,
    name: station.name,
    kind: station.kind,
    lat: String(station.location.lat),
    lon: String(station.location.lon),
    township: station.township,
    elements: [...station.elements],
    interval: String(station.reportIntervalSeconds),
    warning: text(t.level?.warning),
    guaranteed: text(t.level?.guaranteed),
    windBeaufort: text(t.windBeaufort),
    rain: t.rain.map((r) => ({ ...r })),
    sl651: station.sl651 !== null,
    address: station.sl651?.address ?? '',
    password: station.sl651?.password ?? '',
    workMode: station.sl651?.workMode ?? 'M2',
    hysteresis: t.level?.hysteresis ?? 0.05,
    rainHysteresisShare: t.rainHysteresisShare,
  };
}

/** The body to create or update a station with; the server checks it (a bad field comes back by name). */
export function stationBody(draft: StationDraft): StationCreate {
  const warning = numberOrNull(draft.warning);
  const guaranteed = numberOrNull(draft.guaranteed);
  return {
    code: draft.code.trim(),
    name: draft.name.trim(),
    kind: draft.kind,
    location: { lat: Number(draft.lat), lon: Number(draft.lon) },
    ...(draft.township ? { township: draft.township } : {}),
    elements: draft.elements,
    reportIntervalSeconds: Number(draft.interval),
    thresholds: {
      level: warning === null && guaranteed === null ? null : { warning, guaranteed, hysteresis: draft.hysteresis },
      rain: draft.rain.map((r) => ({ ...r, mm: Number(r.mm) })),
      rainHysteresisShare: draft.rainHysteresisShare,
      windBeaufort: numberOrNull(draft.windBeaufort),
    },
    sl651: draft.sl651 ? { address: draft.address.trim(), password: draft.password.trim(), workMode: draft.workMode } : null,
  };
}

/** A new kind brings that kind's usual elements, unless the admin already chose some of their own. */
export function withKind(draft: StationDraft, kind: StationKind): StationDraft {
  const usual = DEFAULT_ELEMENTS[draft.kind];
  const untouched = draft.elements.length === usual.length && draft.elements.every((e) => usual.includes(e));
  return { ...draft, kind, elements: untouched ? [...DEFAULT_ELEMENTS[kind]] : draft.elements };
}
