import type { CameraSource } from '../../../shared/schemas/camera';

/** The sources the server ingests itself; a field tablet publishes over WebRTC instead. */
type RtspSource = Extract<CameraSource, { type: 'rtsp' }>;
type RtmpSource = Extract<CameraSource, { type: 'rtmp' }>;
/** The sources the server ingests itself, as stored (an RTMP camera's stream key is always known here). */
export type IngestSource = RtspSource | (RtmpSource & { streamKey: string });

export const isIngestSource = (source: CameraSource): source is IngestSource => source.type === 'rtsp' || (source.type === 'rtmp' && source.streamKey !== null);

export function sameSource(a: IngestSource, b: IngestSource): boolean {
  if (a.type === 'rtsp' && b.type === 'rtsp') return a.url === b.url && a.codecPolicy === b.codecPolicy;
  if (a.type === 'rtmp' && b.type === 'rtmp') return a.port === b.port && a.streamKey === b.streamKey;
  return false;
}
