import type { ScatterSeriesOption } from 'echarts/charts';
import type { CameraKind, CameraState } from '@shared/schemas/camera';
import { MAP_Z, MAP_ZLEVEL } from './markerEmphasis';
import { nameTooltip } from './tooltipText';

/** A camera as the map draws it: at its registered place, or a tablet's at its team's last position. */
export interface CameraMarker {
  id: string;
  label: string;
  kind: CameraKind;
  state: CameraState;
  lat: number;
  lon: number;
}

export const CAMERA_STATE_COLORS: Record<CameraState, string> = { online: '#16a34a', connecting: '#f59e0b', failed: '#dc2626', offline: '#94a3b8' };

/** Glyphs on a 24×24 box: a bullet camera, a quadcopter, a person, a dome on a plate, a tablet. */
const CAMERA_SYMBOLS: Record<CameraKind, string> = {
  cctv: 'path://M1,7 h15 v10 h-15 z M16,10 l7,-4 v12 l-7,-4 z',
  drone: 'path://M1,5 a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0 z M15,5 a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0 z M1,19 a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0 z M15,19 a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0 z M5,7 L7,5 L19,17 L17,19 z M17,5 L19,7 L7,19 L5,17 z',
  body_camera: 'path://M8,5 a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0 z M4,23 v-8 a8,7 0 0,1 16,0 v8 z',
  deployable: 'path://M3,15 a9,9 0 0,1 18,0 z M1,16 h22 v3 h-22 z M10,19 h4 v4 h-4 z',
  field_tablet: 'path://M5,1 h14 a2,2 0 0,1 2,2 v18 a2,2 0 0,1 -2,2 h-14 a2,2 0 0,1 -2,-2 v-18 a2,2 0 0,1 2,-2 z',
};

const iconSize = (fontSize: number) => Math.round(fontSize * 1.4);

/** A tablet's camera sits beside its team's marker (same point), so both stay visible and clickable. */
export function cameraIconOffset(kind: CameraKind, fontSize: number): [number, number] {
  const shift = Math.round(iconSize(fontSize) * 0.8);
  return kind === 'field_tablet' ? [shift, -shift] : [0, 0];
}

/** Where a camera's icon is on the page (its anchor point shifted by the icon's offset), for the test hook. */
export function cameraOnPage<M extends CameraMarker>(m: M, anchor: { x: number | null; y: number | null }, fontSize: number): M & { x: number | null; y: number | null } {
  const [dx, dy] = cameraIconOffset(m.kind, fontSize);
  return { ...m, x: anchor.x === null ? null : anchor.x + dx, y: anchor.y === null ? null : anchor.y + dy };
}

export function cameraSeries(markers: readonly CameraMarker[], opts: { fontSize: number; showLabels: boolean; labelStyle: Record<string, unknown>; halo: string; tooltip: boolean }): ScatterSeriesOption {
  return {
    id: 'cameras',
    type: 'scatter',
    coordinateSystem: 'geo',
    // Above teams and incidents: a camera is opened by clicking it.
    zlevel: MAP_ZLEVEL.above,
    z: MAP_Z.cameras,
    symbolKeepAspect: true,
    symbolSize: iconSize(opts.fontSize),
    label: { ...opts.labelStyle, show: opts.showLabels, formatter: (p: { name?: string }) => p.name ?? '' },
    labelLayout: { hideOverlap: true },
    tooltip: nameTooltip(opts.tooltip),
    data: markers.map((m) => ({
      id: `camera:${m.id}`,
      name: m.label,
      value: [m.lon, m.lat],
      symbol: CAMERA_SYMBOLS[m.kind],
      symbolOffset: cameraIconOffset(m.kind, opts.fontSize),
      itemStyle: { color: CAMERA_STATE_COLORS[m.state], borderColor: opts.halo, borderWidth: 1.5, opacity: m.state === 'offline' ? 0.8 : 1 },
    })),
  };
}
