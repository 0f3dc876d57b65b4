import type { CameraState, CameraStatus } from '../../shared/schemas/camera';
import { nowIso } from '../../shared/time';

/** Live state of every camera's feed, in memory: it flaps too often for the event log. */
export class CameraStatusBoard {
  private readonly statuses = new Map<string, CameraStatus>();

  constructor(
    private readonly publish: (status: CameraStatus) => void,
    private readonly clock: () => number,
  ) {}

  get(cameraId: string): CameraStatus {
    return this.statuses.get(cameraId) ?? { cameraId, state: 'offline', reason: null, codec: null, since: nowIso(this.clock) };
  }

  /** Records and pushes a change; setting the same state, reason and codec again pushes nothing. */
  set(cameraId: string, state: CameraState, reason: string | null = null, codec: string | null = null): void {
    const current = this.statuses.get(cameraId);
    if (current && current.state === state && current.reason === reason && current.codec === codec) return;
    const status: CameraStatus = { cameraId, state, reason, codec, since: nowIso(this.clock) };
    this.statuses.set(cameraId, status);
    this.publish(status);
  }

  forget(cameraId: string): void {
    this.statuses.delete(cameraId);
  }
}
