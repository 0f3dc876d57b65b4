/**
 * What Traccar Client should be set to, and the QR code that sets it. The app's QR scanner reads the
 * code as a URL: scheme, host, port and path become its server URL, and the query parameters `id`,
 * `interval`, `distance`, `angle`, `heartbeat`, `accuracy`, `buffer` (and `service=true`, start
 * tracking) set the matching settings (traccar/traccar-client, lib/qr_code_screen.dart and
 * lib/configuration_service.dart).
 */
export interface TraccarClientSettings {
  /** Seconds between fixes while moving. */
  interval: number;
  /** Metres; 0 lets the interval decide, so a slow walk still reports. */
  distance: number;
  /** Degrees; 0 turns the heading filter off. */
  angle: number;
  /** Seconds between sends while standing still, so a parked team stays heard (not 失联). */
  heartbeat: number;
  accuracy: 'high';
  /** Keep fixes taken offline and send them later. */
  buffer: boolean;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(value)));

/** Reports often enough that a working phone is never shown stale (STALE_AFTER_SECONDS). */
export function traccarClientSettings(staleAfterSeconds: number): TraccarClientSettings {
  const interval = clamp(staleAfterSeconds / 4, 5, 30);
  return { interval, distance: 0, angle: 0, heartbeat: clamp(staleAfterSeconds / 2, interval, 60), accuracy: 'high', buffer: true };
}

/** The text of the QR code Traccar Client scans: the server URL with the settings as query parameters. */
export function traccarClientQrText(serverUrl: string, identifier: string, settings: TraccarClientSettings): string {
  const url = new URL(serverUrl);
  const query = new URLSearchParams({
    id: identifier,
    interval: String(settings.interval),
    distance: String(settings.distance),
    angle: String(settings.angle),
    heartbeat: String(settings.heartbeat),
    accuracy: settings.accuracy,
    buffer: String(settings.buffer),
    service: 'true',
  });
  // No trailing slash after the port: the app takes origin + path as its server URL.
  return `${url.origin}${url.pathname === '/' ? '' : url.pathname}?${query.toString()}`;
}
