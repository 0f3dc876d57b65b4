import { computed } from 'vue';
import type { CameraMarker } from '../map/cameraSeries';
import { usePositionsStore } from '../positions/store';
import { useTeamsStore } from '../teams/store';
import { useVideoStore } from './store';

/** The cameras to draw: fixed ones where registered, a field tablet's at its team's latest position (else its base). */
export function useCameraMarkers() {
  const video = useVideoStore();
  const positions = usePositionsStore();
  const teams = useTeamsStore();
  return computed<CameraMarker[]>(() =>
    video.list.flatMap((camera) => {
      const team = camera.kind === 'field_tablet' && camera.teamId ? camera.teamId : null;
      const at = team ? (positions.latestOf(team) ?? teams.get(team)?.base ?? null) : camera.location;
      if (!at) return [];
      return [{ id: camera.id, label: camera.name, kind: camera.kind, state: video.statusOf(camera.id).state, lat: at.lat, lon: at.lon }];
    }),
  );
}
