import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { traccarClientQrText, traccarClientSettings } from './traccarClientSetup';

/** Reads a scanned code the way Traccar Client's QR screen does: origin + path is the server URL, the query the settings. */
const asTraccarClientReadsIt = (text: string) => {
  const uri = new URL(text);
  return { url: `${uri.origin}${uri.pathname === '/' ? '' : uri.pathname}`, settings: Object.fromEntries(uri.searchParams) };
};

describe('Traccar Client setup', () => {
  it('reports well inside the stale threshold, with a heartbeat that keeps a parked team heard', () => {
    expect(traccarClientSettings(120)).toEqual({ interval: 30, distance: 0, angle: 0, heartbeat: 60, accuracy: 'high', buffer: true });
    const short = traccarClientSettings(20);
    expect(short.interval).toBe(5);
    expect(short.heartbeat).toBeLessThan(20);
  });

  it('makes a QR code that sets the server URL, the identifier and the settings in the app', async () => {
    const text = traccarClientQrText('http://192.168.10.20:5055', 'k3y-with+plus', traccarClientSettings(120));
    expect(asTraccarClientReadsIt(text)).toEqual({
      url: 'http://192.168.10.20:5055',
      settings: { id: 'k3y-with+plus', interval: '30', distance: '0', angle: '0', heartbeat: '60', accuracy: 'high', buffer: 'true', service: 'true' },
    });
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const encoded = qr.segments.map((s) => (typeof s.data === 'string' || typeof s.data === 'number' ? String(s.data) : new TextDecoder().decode(Uint8Array.from(s.data)))).join('');
    expect(encoded).toBe(text);
  });
});
