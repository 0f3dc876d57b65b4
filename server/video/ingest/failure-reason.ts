import type { CameraStatusReason } from '../../../shared/schemas/camera';
import type { ProcessExit } from './ffmpeg-process';

/** Why ffmpeg or ffprobe could not read a source, from how it exited and what it printed. */
export function failureReason(exit: ProcessExit, stderr: string): CameraStatusReason {
  if (exit.spawnError || exit.code === 127) return 'ffmpeg_missing';
  if (/\b401\b|Unauthorized/i.test(stderr)) return 'source_unauthorized';
  if (/\b404\b|Not Found/i.test(stderr)) return 'source_not_found';
  if (/Address already in use/i.test(stderr)) return 'port_in_use';
  if (/Unexpected stream/i.test(stderr)) return 'push_rejected';
  if (/Connection refused|timed out|No route to host|Network is unreachable|Name or service not known|Connection reset/i.test(stderr)) return 'source_unreachable';
  return 'ingest_exited';
}
