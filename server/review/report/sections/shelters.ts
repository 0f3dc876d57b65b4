import type { Shelter } from '../../../../shared/schemas/shelter';
import { inReport, type ReportSection } from '../section';

/**
 * People sheltered and evacuated (sheltered + staying with relatives, 投亲靠友): the county's peak in the window
 * and each township's. The state at the window's start counts, so a peak reached before it is not lost.
 * The drill report counts the drills' people and 投亲靠友 counts, the real one the real ones only.
 */
/** A shelter's people of the report's kind. Before migration 0016 a drill's shelter kept its drill's people in `occupancy`. */
const peopleOfKind = (shelter: Shelter, exercise: boolean): number => {
  const drill = shelter.drillOccupancy + (shelter.exercise ? shelter.occupancy : 0);
  return exercise ? drill : shelter.exercise ? 0 : shelter.occupancy;
};

export const sheltersSection: ReportSection<'shelters'> = {
  key: 'shelters',
  types: ['shelter.created', 'shelter.updated', 'shelter.status_changed', 'shelter.occupancy_changed', 'evacuation.township_reported'],
  start(context) {
    const shelters = new Map<string, { township: string; occupancy: number }>();
    const withRelatives = new Map<string, number>();
    const peakSheltered = new Map<string, number>();
    const peakEvacuated = new Map<string, number>();
    let county = { peak: 0, peakAt: null as string | null, peakEvacuated: 0 };
    let started = false;

    const sheltered = (township: string) => [...shelters.values()].reduce((sum, s) => sum + (s.township === township ? s.occupancy : 0), 0);
    const townships = () => new Set([...[...shelters.values()].map((s) => s.township), ...withRelatives.keys()]);
    const observe = (at: string) => {
      let countySheltered = 0;
      let countyEvacuated = 0;
      for (const township of townships()) {
        const inShelters = sheltered(township);
        const evacuated = inShelters + (withRelatives.get(township) ?? 0);
        countySheltered += inShelters;
        countyEvacuated += evacuated;
        peakSheltered.set(township, Math.max(peakSheltered.get(township) ?? 0, inShelters));
        peakEvacuated.set(township, Math.max(peakEvacuated.get(township) ?? 0, evacuated));
      }
      if (countySheltered > county.peak) county = { ...county, peak: countySheltered, peakAt: at };
      county.peakEvacuated = Math.max(county.peakEvacuated, countyEvacuated);
    };
    const windowStart = new Date(context.from).toISOString();

    return {
      add(event) {
        const inWindow = Date.parse(event.at) >= context.from;
        if (inWindow && !started) {
          started = true;
          observe(windowStart);
        }
        if (event.type === 'evacuation.township_reported') {
          const { report } = event.payload;
          if (inReport(report, context)) withRelatives.set(report.township, report.withRelatives);
        } else {
          const { shelter } = event.payload as { shelter?: Shelter };
          if (shelter) shelters.set(shelter.id, { township: shelter.township, occupancy: peopleOfKind(shelter, context.exercise) });
        }
        if (inWindow) observe(event.at);
      },
      finish() {
        if (!started) observe(windowStart);
        const rows = [...peakEvacuated.keys()]
          .map((township) => ({ township, peakSheltered: peakSheltered.get(township) ?? 0, peakEvacuated: peakEvacuated.get(township) ?? 0 }))
          .filter((r) => r.peakEvacuated > 0)
          .sort((a, b) => b.peakEvacuated - a.peakEvacuated || a.township.localeCompare(b.township));
        return { peakSheltered: county.peak, peakAt: county.peakAt, peakEvacuated: county.peakEvacuated, townships: rows };
      },
    };
  },
};
