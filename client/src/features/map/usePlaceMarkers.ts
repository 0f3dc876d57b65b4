import { computed } from 'vue';
import { useNow } from '../../ui/useNow';
import { useIncidentsStore } from '../incidents/store';
import { useSheltersStore } from '../shelters/store';
import { useSuppliesStore } from '../supplies/store';
import type { PlaceMarkers } from './placeSeries';

/** The map's incident, shelter and depot markers from the stores; overdue is re-checked every 10 s. */
export function usePlaceMarkers() {
  const incidents = useIncidentsStore();
  const shelters = useSheltersStore();
  const supplies = useSuppliesStore();
  const now = useNow();
  const tick = computed(() => Math.floor(now.value / 10_000) * 10_000);
  return computed<PlaceMarkers>(() => ({
    incidents: incidents.open.flatMap((i) =>
      i.location
        ? [{ id: i.id, label: i.title, severity: i.severity, lat: i.location.lat, lon: i.location.lon, overdue: i.deadlines.some((d) => d.state === 'open' && Date.parse(d.dueAt) <= tick.value) }]
        : [],
    ),
    shelters: shelters.list.map((s) => ({ id: s.id, label: `${s.name} ${s.occupancy}/${s.capacity}`, status: s.status, lat: s.location.lat, lon: s.location.lon })),
    depots: supplies.depots.map((d) => ({ id: d.id, label: d.name, lat: d.location.lat, lon: d.location.lon })),
  }));
}
