import type { Fix } from '../../shared/schemas/position';
import type { DeviceIdentity, DeviceService } from '../devices/device-service';
import { DomainError } from '../errors';
import type { Logger } from '../logger';
import type { PositionHub } from '../positions/position-hub';
import { rejectReason } from '../positions/plausibility';
import type { FixFields, ParseIssue } from './fields';
import { parseOsmand, type IngestRequest } from './osmand';

export interface IngestDeps {
  devices: DeviceService;
  hub: PositionHub;
  logger: Logger;
  clock?: () => number;
}

const UNKNOWN_LOG_EVERY_MS = 60_000;

/**
 * Shared by both protocols. A known device gets 200 for a well-formed fix even when it is dropped
 * as out of range or implausible: Traccar Client resends a refused fix before any newer one, so
 * refusing it (a wrong phone clock, say) would stall the device for good. Drops are counted on
 * the device for the admin instead. A request that cannot be read at all (no device id, a
 * position that is not a number, no OwnTracks `_type`) gets 400.
 */
export class Intake {
  private readonly clock: () => number;
  private readonly unknownLoggedAt = new Map<string, number>();

  constructor(private readonly deps: IngestDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  now(): number {
    return this.clock();
  }

  /** Takes the fixes of a parsed request; the fields passed their protocol's schema, so they are only range-checked here. */
  take(identity: DeviceIdentity, fields: FixFields, nowMs: number): void {
    const fix: Fix = {
      teamId: identity.teamId,
      deviceId: identity.deviceId,
      lat: fields.lat,
      lon: fields.lon,
      t: fields.t,
      speed: fields.speed,
      heading: fields.heading,
      accuracy: fields.accuracy,
      altitude: fields.altitude,
      battery: fields.battery,
    };
    const reason = rejectReason(fix, nowMs);
    if (reason) {
      this.drop(identity, reason);
      return;
    }
    this.deps.hub.accept(fix);
    this.deps.devices.noteSeen(identity.deviceId, nowMs);
  }

  /** Takes every fix of an OsmAnd request from the device its key resolved to; refuses an unknown key. */
  takeFrom(identity: DeviceIdentity | null, fixes: readonly FixFields[], nowMs: number, remoteAddress: string | null): void {
    if (!identity) throw this.unknown(remoteAddress, 'osmand');
    for (const fields of fixes) this.take(identity, fields, nowMs);
  }

  private drop(identity: DeviceIdentity, reason: string): void {
    this.deps.devices.noteRejected(identity.deviceId, reason);
    this.deps.logger.debug({ deviceId: identity.deviceId, reason }, 'fix dropped');
  }

  /** Never logs the credential; one line per address a minute, as an unregistered phone retries forever. */
  unknown(remoteAddress: string | null, protocol: string): DomainError {
    const address = remoteAddress ?? 'unknown';
    const now = this.clock();
    const last = this.unknownLoggedAt.get(address);
    if (last === undefined || now - last >= UNKNOWN_LOG_EVERY_MS) {
      if (this.unknownLoggedAt.size > 10_000) this.unknownLoggedAt.clear();
      this.unknownLoggedAt.set(address, now);
      this.deps.logger.warn({ protocol, remoteAddress: address }, 'position from an unknown or revoked device refused');
    }
    return new DomainError('UNKNOWN_DEVICE');
  }
}


export const invalid = (issue: ParseIssue): DomainError => new DomainError('VALIDATION_FAILED', undefined, [issue]);

/**
 * One OsmAnd request, whatever server received it; throws a DomainError to refuse it. A device already
 * in the credential cache is taken synchronously (no promise per fix); only a lookup returns a promise.
 */
export function receiveOsmand(intake: Intake, devices: DeviceService, request: IngestRequest, remoteAddress: string | null): void | Promise<void> {
  const now = intake.now();
  const parsed = parseOsmand(request, now);
  if (!parsed.ok) throw invalid(parsed.error);
  const cached = devices.cachedOsmand(parsed.key);
  if (cached !== undefined) return intake.takeFrom(cached, parsed.fixes, now, remoteAddress);
  return devices.resolveOsmand(parsed.key).then((identity) => intake.takeFrom(identity, parsed.fixes, now, remoteAddress));
}
