import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CA_COMMON_NAME, loadTlsMaterial, type TlsLogger } from './certificates';

const logs: string[] = [];
const logger: TlsLogger = {
  info: (_obj, msg) => logs.push(`info ${msg}`),
  warn: (_obj, msg) => logs.push(`warn ${msg}`),
};

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tidewatch-tls-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('loadTlsMaterial', () => {
  it('creates a local CA and a server certificate signed by it', async () => {
    const m = await loadTlsMaterial({ dataDir, extraHostnames: ['tidewatch.example', '10.9.8.7', 'bad name!'], logger });
    expect(m.generated).toBe(true);
    expect(m.caCertPath).toBe(path.join(dataDir, 'tls', 'ca.crt'));

    const ca = new X509Certificate(await readFile(m.caCertPath!));
    const cert = new X509Certificate(m.cert);
    expect(ca.subject).toContain(`CN=${CA_COMMON_NAME}`);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkPrivateKey((await import('node:crypto')).createPrivateKey(m.key))).toBe(true);

    const san = cert.subjectAltName ?? '';
    expect(san).toContain('IP Address:127.0.0.1');
    expect(san).toContain('DNS:localhost');
    expect(san).toMatch(/IP Address:0:0:0:0:0:0:0:1|IP Address:::1/);
    expect(san).toContain('DNS:tidewatch.example');
    expect(san).toContain('IP Address:10.9.8.7');
    expect(san).not.toContain('bad name');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');

    // Validity: CA ~10 years, server 825 days.
    const days = (c: X509Certificate) => (Date.parse(c.validTo) - Date.parse(c.validFrom)) / 86_400_000;
    expect(Math.round(days(ca))).toBe(3650);
    expect(Math.round(days(cert))).toBe(825);

    // node's own TLS verification against the CA accepts it.
    const ctx = tls.createSecureContext({ ca: await readFile(m.caCertPath!) });
    expect(ctx).toBeTruthy();
    expect(tls.checkServerIdentity('127.0.0.1', cert.toLegacyObject() as never)).toBeUndefined();

    // Keys are private.
    for (const f of ['ca.key', 'server.key']) {
      expect((await stat(path.join(dataDir, 'tls', f))).mode & 0o777).toBe(0o600);
    }
  });

  it('reuses the material while nothing changed', async () => {
    const before = await readFile(path.join(dataDir, 'tls', 'server.crt'));
    const m = await loadTlsMaterial({ dataDir, extraHostnames: ['tidewatch.example', '10.9.8.7'], logger });
    expect(m.generated).toBe(false);
    expect(m.cert.equals(before)).toBe(true);
  });

  it('re-issues the server certificate (same CA) when the name set changes', async () => {
    const caBefore = await readFile(path.join(dataDir, 'tls', 'ca.crt'));
    const m = await loadTlsMaterial({ dataDir, extraHostnames: ['board.example'], logger });
    expect(m.generated).toBe(true);
    expect((await readFile(m.caCertPath!)).equals(caBefore)).toBe(true);
    const cert = new X509Certificate(m.cert);
    expect(cert.subjectAltName).toContain('DNS:board.example');
    expect(cert.subjectAltName).not.toContain('tidewatch.example');
    expect(cert.checkIssued(new X509Certificate(caBefore))).toBe(true);
  });

  it('re-issues a server certificate that is not signed by the current CA', async () => {
    const dir = path.join(dataDir, 'tls');
    // Replace the server cert with the CA itself (self-signed, not issued by... itself as a leaf): any mismatch.
    const other = await mkdtemp(path.join(os.tmpdir(), 'tidewatch-tls-other-'));
    try {
      const foreign = await loadTlsMaterial({ dataDir: other, extraHostnames: ['board.example'], logger });
      await writeFile(path.join(dir, 'server.crt'), foreign.cert);
      await writeFile(path.join(dir, 'server.key'), foreign.key);
      const m = await loadTlsMaterial({ dataDir, extraHostnames: ['board.example'], logger });
      expect(m.generated).toBe(true);
      expect(new X509Certificate(m.cert).checkIssued(new X509Certificate(await readFile(m.caCertPath!)))).toBe(true);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('reads operator-supplied TLS_CERT/TLS_KEY as they are', async () => {
    const dir = path.join(dataDir, 'tls');
    const m = await loadTlsMaterial({
      dataDir: '/nonexistent',
      certPath: path.join(dir, 'server.crt'),
      keyPath: path.join(dir, 'server.key'),
      logger,
    });
    expect(m.caCertPath).toBeNull();
    expect(m.generated).toBe(false);
    expect(m.cert.equals(await readFile(path.join(dir, 'server.crt')))).toBe(true);
    await expect(loadTlsMaterial({ dataDir, certPath: path.join(dir, 'server.crt'), logger })).rejects.toThrow(/together/);
    await expect(
      loadTlsMaterial({ dataDir, certPath: '/nonexistent.crt', keyPath: '/nonexistent.key', logger }),
    ).rejects.toThrow(/cannot read/);
  });
});
