import { VIDEO_CODEC_POLICIES, type Camera, type CameraCreate, type CameraKind } from '@shared/schemas/camera';

/** The cameras an admin registers; a field tablet's is filed by the tablet itself. */
export type RegisteredKind = Exclude<CameraKind, 'field_tablet'>;
export type CodecPolicy = (typeof VIDEO_CODEC_POLICIES)[number];

/** The camera form's fields. */
export interface CameraDraft {
  name: string;
  kind: RegisteredKind;
  department: string;
  onMap: boolean;
  lat: number;
  lon: number;
  sourceType: 'rtsp' | 'rtmp';
  url: string;
  codecPolicy: CodecPolicy;
}

/** Where a new camera starts on the map: the county seat (丹东街道). */
const COUNTY_SEAT = { lat: 29.4768, lon: 121.8694 };

export function draftOf(camera: Camera | null): CameraDraft {
  const source = camera?.source;
  return {
    name: camera?.name ?? '',
    kind: camera && camera.kind !== 'field_tablet' ? camera.kind : 'cctv',
    department: camera?.department ?? '',
    onMap: camera ? camera.location !== null : true,
    lat: camera?.location?.lat ?? COUNTY_SEAT.lat,
    lon: camera?.location?.lon ?? COUNTY_SEAT.lon,
    // Drones and body cameras push; fixed and deployable cameras are pulled.
    sourceType: source?.type === 'rtmp' ? 'rtmp' : 'rtsp',
    url: source?.type === 'rtsp' ? source.url : '',
    codecPolicy: source?.type === 'rtsp' ? source.codecPolicy : 'h264_passthrough',
  };
}

/** What the form sends; for an RTMP camera the server assigns (or keeps) its port and stream key. */
export function inputOf(draft: CameraDraft): CameraCreate {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    department: draft.department.trim(),
    location: draft.onMap ? { lat: Number(draft.lat), lon: Number(draft.lon) } : null,
    source: draft.sourceType === 'rtmp' ? { type: 'rtmp' } : { type: 'rtsp', url: draft.url.trim(), codecPolicy: draft.codecPolicy },
  };
}

/** The URL a drone or body camera pushes to, on the host the admin reached Tidewatch on. */
export function rtmpPushUrl(source: { port: number; streamKey: string | null }, host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  return `rtmp://${bare.includes(':') ? `[${bare}]` : bare}:${source.port}/live/${source.streamKey}`;
}
