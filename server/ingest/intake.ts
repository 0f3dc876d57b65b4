import type { Fix } from '../../shared/schemas/position';
import type { DeviceIdentity, DeviceService } from '../devices/device-service';
import { DomainError } from '../errors';
import type { Logger } from '../logger';
import type { PositionHub } from '../positions/position-hub';
import { rejectReason } from '../positions/plausibility';
import type { ParseIssue, Reading } from './fields';
import { FixThinner } from './fix-thinner';
import { parseOsmand, type IngestRequest } from './osmand';

/** Where the SOS alarm of a tracker app goes; `position` is its plausible fix, when it had one. */
export type TrackerSos = (identity: DeviceIdentity, position: Pick<Fix, 'lat' | 'lon' | 't'> | null) => Promise<void>;

export interface IngestDeps {
  devices: DeviceService;
  hub: PositionHub;
  logger: Logger;
  clock?: () => number;
  /** Raises the same alarm as a tablet's SOS button; without it an app's SOS is only logged. */
  raiseSos?: TrackerSos;
  thinner?: FixThinner;
}

const LOG_EVERY_MS = 60_000;
/** A backlog older than the live board takes is kept in history up to this age; older is a broken clock. */
const BACKLOG_MAX_AGE_MS = 366 * 86_400_000;
/** A reading stamped more than this before it arrived is a backlog, which says nothing about the device clock. */
const SKEW_WINDOW_MS = 60_000;

/**
 * Shared by both protocols. A known device always gets 2xx, whatever it sends: Traccar Client and
 * OwnTracks resend a refused request before any newer one (or drop it with a popup), so refusing it
 * (a wrong phone clock, a send without a fix, a field it garbles) would stall the device for good.
 * What cannot be used is counted on the device for the admin instead. Only an unknown device is refused.
 */
export class Intake {
  private readonly clock: () => number;
  /** When a line was last logged per address or device: a misconfigured phone retries forever. */
  private readonly loggedAt = new Map<string, number>();
  private readonly thinner: FixThinner;

  constructor(private readonly deps: IngestDeps) {
    this.clock = deps.clock ?? Date.now;
    this.thinner = deps.thinner ?? new FixThinner();
  }

  now(): number {
    return this.clock();
  }

  /**
   * Takes one reading: the device is heard (last-heard and battery) even without a fix. Returns a
   * promise only for an SOS, which is stored before the request is answered.
   */
  take(identity: DeviceIdentity, reading: Reading, nowMs: number): void | Promise<void> {
    this.deps.devices.noteSeen(identity.deviceId, nowMs, reading.battery);
    this.deps.hub.heard(identity.teamId, nowMs);
    const fix = reading.lat === null || reading.lon === null ? null : this.store(identity, reading, nowMs);
    if (reading.alarm === 'sos') return this.sos(identity, fix);
  }

  /** The device was heard without anything to take (an OwnTracks status message, an empty POST). */
  heard(identity: DeviceIdentity, nowMs: number): void {
    this.deps.devices.noteSeen(identity.deviceId, nowMs, null);
    this.deps.hub.heard(identity.teamId, nowMs);
  }

  /** A known device sent what cannot be read: answered 2xx, counted for the admin and logged (once a minute per device). */
  unreadable(identity: DeviceIdentity, issue: ParseIssue, nowMs: number): void {
    this.heard(identity, nowMs);
    const reason = `unreadable ${issue.path || 'request'}: ${issue.message}`;
    this.drop(identity, reason);
    if (this.firstInMinute(`unreadable:${identity.deviceId}`, nowMs)) this.deps.logger.warn({ deviceId: identity.deviceId, reason }, 'unreadable request from a registered tracker answered 200 and dropped');
  }

  /** Takes every reading of an OsmAnd request from the device its key resolved to; refuses an unknown key. */
  takeFrom(identity: DeviceIdentity | null, readings: readonly Reading[], nowMs: number, remoteAddress: string | null): void | Promise<void> {
    if (!identity) throw this.unknown(remoteAddress, 'osmand');
    let pending: Promise<void>[] | null = null;
    for (const reading of readings) {
      const sos = this.take(identity, reading, nowMs);
      if (sos) (pending ??= []).push(sos);
    }
    if (pending) return Promise.all(pending).then(() => undefined);
  }

  /** The fix, when it is stored; a fix too old for the live board goes to history only. */
  private store(identity: DeviceIdentity, reading: Reading, nowMs: number): Fix | null {
    if (reading.alarm === null && !this.thinner.admit(identity.deviceId, nowMs)) {
      this.deps.devices.noteThinned(identity.deviceId);
      return null;
    }
    const fix: Fix = {
      teamId: identity.teamId,
      deviceId: identity.deviceId,
      lat: reading.lat as number,
      lon: reading.lon as number,
      t: reading.t,
      speed: reading.speed,
      heading: reading.heading,
      accuracy: reading.accuracy,
      altitude: reading.altitude,
      battery: reading.battery,
      receivedAt: nowMs,
      flag: reading.flag,
    };
    const skew = fix.t - nowMs;
    if (skew > -SKEW_WINDOW_MS) this.deps.devices.noteClockSkew(identity.deviceId, skew);
    const reason = rejectReason(fix, nowMs);
    if (reason === 'too_old' && fix.t >= nowMs - BACKLOG_MAX_AGE_MS) {
      // A phone offline for more than a week uploads its backlog: history, not the live board.
      this.deps.hub.archive(fix);
      return null;
    }
    if (reason) {
      this.drop(identity, reason);
      return null;
    }
    this.deps.hub.accept(fix);
    return fix.flag ? null : fix;
  }

  private async sos(identity: DeviceIdentity, fix: Fix | null): Promise<void> {
    this.deps.logger.warn({ deviceId: identity.deviceId, teamId: identity.teamId }, 'SOS from a tracker app');
    if (!this.deps.raiseSos) return;
    await this.deps.raiseSos(identity, fix ? { lat: fix.lat, lon: fix.lon, t: fix.t } : null);
  }

  private drop(identity: DeviceIdentity, reason: string): void {
    this.deps.devices.noteRejected(identity.deviceId, reason);
    this.deps.logger.debug({ deviceId: identity.deviceId, reason }, 'fix dropped');
  }

  /** Never logs the credential; one line per address a minute, as an unregistered phone retries forever. */
  unknown(remoteAddress: string | null, protocol: string): DomainError {
    const address = remoteAddress ?? 'unknown';
    if (this.firstInMinute(address, this.clock())) this.deps.logger.warn({ protocol, remoteAddress: address }, 'position from an unknown or revoked device refused');
    return new DomainError('UNKNOWN_DEVICE');
  }

  private firstInMinute(key: string, now: number): boolean {
    const last = this.loggedAt.get(key);
    if (last !== undefined && now - last < LOG_EVERY_MS) return false;
    if (this.loggedAt.size > 10_000) this.loggedAt.clear();
    this.loggedAt.set(key, now);
    return true;
  }
}

export const invalid = (issue: ParseIssue): DomainError => new DomainError('VALIDATION_FAILED', undefined, [issue]);

/**
 * One OsmAnd request, whatever server received it; throws a DomainError to refuse it. A device already
 * in the credential cache is taken synchronously (no promise per fix); only a lookup or an SOS returns a promise.
 */
export function receiveOsmand(intake: Intake, devices: DeviceService, request: IngestRequest, remoteAddress: string | null): void | Promise<void> {
  const now = intake.now();
  const parsed = parseOsmand(request, now);
  if (!parsed.ok && parsed.key === null) throw invalid(parsed.error);
  const receive = (identity: DeviceIdentity | null): void | Promise<void> => {
    if (parsed.ok) return intake.takeFrom(identity, parsed.readings, now, remoteAddress);
    if (!identity) throw intake.unknown(remoteAddress, 'osmand');
    intake.unreadable(identity, parsed.error, now);
  };
  const key = parsed.key ?? '';
  const cached = devices.cachedOsmand(key);
  if (cached !== undefined) return receive(cached);
  return devices.resolveOsmand(key).then(receive);
}
