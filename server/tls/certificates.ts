/**
 * TLS material for the one Tidewatch port.
 *
 * Either the operator's own certificate (TLS_CERT / TLS_KEY), or a local CA that we create once under
 * `<dataDir>/tls/` (kept across runs, so tablets only need to trust it once) and a server certificate signed by
 * it whose subjectAltName covers localhost, the loopback addresses, this host's name and every non-internal
 * IPv4 address. The server certificate is re-issued when that name set changes or it nears expiry.
 * Uses Debian's `openssl` binary (no shell).
 */
import { execFile } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface TlsLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface LoadTlsOptions {
  dataDir: string;
  certPath?: string;
  keyPath?: string;
  extraHostnames?: string[];
  logger: TlsLogger;
}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
  /** The generated local CA certificate (to install on tablets), or null for operator-supplied material. */
  caCertPath: string | null;
  /** True when a server certificate was issued during this call. */
  generated: boolean;
}

export const CA_COMMON_NAME = 'Tidewatch Local CA';
const CA_DAYS = 3650;
const SERVER_DAYS = 825; // the most Apple devices accept for a TLS server certificate
const RENEW_WITHIN_MS = 30 * 24 * 3600 * 1000;
// ECDSA P-256: every tablet, phone and browser in use accepts it, and a key takes milliseconds to make where an
// RSA-2048 one takes a third of a second or more (each fresh data directory makes two).
const NEW_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];

export async function loadTlsMaterial(opts: LoadTlsOptions): Promise<TlsMaterial> {
  const { logger } = opts;
  if (opts.certPath || opts.keyPath) {
    if (!opts.certPath || !opts.keyPath) {
      throw new Error('TLS_CERT and TLS_KEY must be set together (paths to a PEM certificate and its key)');
    }
    const [cert, key] = await Promise.all([
      readPem(opts.certPath, 'TLS_CERT certificate'),
      readPem(opts.keyPath, 'TLS_KEY private key'),
    ]);
    const x509 = new X509Certificate(cert);
    logger.info({ certPath: opts.certPath, subject: x509.subject, validTo: x509.validTo }, 'using TLS certificate from TLS_CERT/TLS_KEY');
    return { cert, key, caCertPath: null, generated: false };
  }

  const dir = path.join(opts.dataDir, 'tls');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const files = {
    caCert: path.join(dir, 'ca.crt'),
    caKey: path.join(dir, 'ca.key'),
    cert: path.join(dir, 'server.crt'),
    key: path.join(dir, 'server.key'),
    san: path.join(dir, 'server.san.json'),
  };

  const caCreated = await ensureCa(files.caCert, files.caKey, logger);
  const caCert = new X509Certificate(await readFile(files.caCert));
  const san = subjectAltNames(opts.extraHostnames ?? []);

  const reason = caCreated ? 'new CA' : await serverCertStale(files, san, caCert);
  if (reason) {
    await issueServerCert(files, san, dir);
    logger.info({ reason, san: san.map(formatSan), caCertPath: files.caCert }, 'issued TLS server certificate');
  }
  const [cert, key] = await Promise.all([readFile(files.cert), readFile(files.key)]);
  return { cert, key, caCertPath: files.caCert, generated: reason !== null };
}

// ---------------------------------------------------------------------------------------------- names

export type SanEntry = { type: 'DNS' | 'IP'; value: string };

const DNS_NAME = /^(?=.{1,253}$)(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*$/;

/** The sorted, de-duplicated subjectAltName set for this host plus `extra` names. */
export function subjectAltNames(extra: string[]): SanEntry[] {
  const entries = new Map<string, SanEntry>();
  const add = (raw: string) => {
    let name = raw.trim().toLowerCase();
    if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
    if (!name) return;
    if (net.isIP(name)) {
      const value = normaliseIp(name);
      entries.set(`IP:${value}`, { type: 'IP', value });
    } else if (DNS_NAME.test(name)) {
      entries.set(`DNS:${name}`, { type: 'DNS', value: name });
    }
  };
  add('localhost');
  add('127.0.0.1');
  add('::1');
  add(os.hostname());
  for (const addrs of Object.values(os.networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) add(a.address);
  }
  for (const name of extra) add(name);
  return [...entries.values()].sort((a, b) => formatSan(a).localeCompare(formatSan(b)));
}

function normaliseIp(ip: string): string {
  if (net.isIPv4(ip)) return ip;
  // Let the URL parser canonicalise IPv6 (compresses zeros, lower case).
  return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
}

const formatSan = (e: SanEntry) => `${e.type}:${e.value}`;

// ---------------------------------------------------------------------------------------------- CA

async function ensureCa(certPath: string, keyPath: string, logger: TlsLogger): Promise<boolean> {
  if ((await exists(certPath)) && (await exists(keyPath))) {
    try {
      const ca = new X509Certificate(await readFile(certPath));
      if (Date.parse(ca.validTo) - Date.now() > RENEW_WITHIN_MS) return false;
      logger.warn({ caCertPath: certPath, validTo: ca.validTo }, 'local TLS CA expires soon; creating a new one');
    } catch (err) {
      logger.warn({ caCertPath: certPath, err: String(err) }, 'local TLS CA is unreadable; creating a new one');
    }
  }
  const tmpKey = `${keyPath}.${randomBytes(4).toString('hex')}.tmp`;
  const tmpCert = `${certPath}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await openssl([
      'req', '-x509', '-new', '-sha256',
      ...NEW_KEY, '-nodes',
      '-keyout', tmpKey, '-out', tmpCert,
      '-days', String(CA_DAYS),
      '-subj', `/O=Tidewatch/CN=${CA_COMMON_NAME}`,
      '-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-addext', 'subjectKeyIdentifier=hash',
    ]);
    await chmod(tmpKey, 0o600);
    await rename(tmpKey, keyPath);
    await rename(tmpCert, certPath);
  } finally {
    await rm(tmpKey, { force: true });
    await rm(tmpCert, { force: true });
  }
  logger.info({ caCertPath: certPath }, 'created local TLS CA (install ca.crt on tablets to trust this server)');
  return true;
}

// ---------------------------------------------------------------------------------------------- server cert

async function serverCertStale(
  files: { cert: string; key: string; san: string },
  san: SanEntry[],
  ca: X509Certificate,
): Promise<string | null> {
  if (!(await exists(files.cert)) || !(await exists(files.key))) return 'missing';
  let stored: unknown;
  try {
    stored = JSON.parse(await readFile(files.san, 'utf8'));
  } catch {
    return 'no recorded name set';
  }
  if (JSON.stringify(stored) !== JSON.stringify(san.map(formatSan))) return 'host names or addresses changed';
  try {
    const cert = new X509Certificate(await readFile(files.cert));
    if (!cert.verify(ca.publicKey) || !cert.checkIssued(ca)) return 'not signed by the current CA';
    if (Date.parse(cert.validTo) - Date.now() < RENEW_WITHIN_MS) return 'expires within 30 days';
  } catch {
    return 'unreadable';
  }
  return null;
}

async function issueServerCert(
  files: { caCert: string; caKey: string; cert: string; key: string; san: string },
  san: SanEntry[],
  dir: string,
): Promise<void> {
  const tag = randomBytes(4).toString('hex');
  const tmp = {
    key: path.join(dir, `server.key.${tag}.tmp`),
    csr: path.join(dir, `server.csr.${tag}.tmp`),
    ext: path.join(dir, `server.ext.${tag}.tmp`),
    cert: path.join(dir, `server.crt.${tag}.tmp`),
  };
  const commonName = san.find((e) => e.type === 'DNS' && e.value !== 'localhost')?.value ?? 'localhost';
  try {
    await openssl([
      'req', '-new', '-sha256',
      ...NEW_KEY, '-nodes',
      '-keyout', tmp.key, '-out', tmp.csr,
      '-subj', `/O=Tidewatch/CN=${commonName}`,
    ]);
    await writeFile(
      tmp.ext,
      [
        'basicConstraints=critical,CA:FALSE',
        'keyUsage=critical,digitalSignature',
        'extendedKeyUsage=serverAuth',
        'subjectKeyIdentifier=hash',
        'authorityKeyIdentifier=keyid,issuer',
        `subjectAltName=${san.map(formatSan).join(',')}`,
        '',
      ].join('\n'),
    );
    await openssl([
      'x509', '-req', '-sha256',
      '-in', tmp.csr,
      '-CA', files.caCert, '-CAkey', files.caKey,
      '-set_serial', `0x${randomBytes(16).toString('hex').replace(/^[89a-f]/, '1')}`,
      '-days', String(SERVER_DAYS),
      '-extfile', tmp.ext,
      '-out', tmp.cert,
    ]);
    await chmod(tmp.key, 0o600);
    await rename(tmp.key, files.key);
    await rename(tmp.cert, files.cert);
    await writeFile(files.san, `${JSON.stringify(san.map(formatSan))}\n`);
  } finally {
    await Promise.all(Object.values(tmp).map((p) => rm(p, { force: true })));
  }
}

// ---------------------------------------------------------------------------------------------- helpers

async function openssl(args: string[]): Promise<void> {
  try {
    await execFileAsync('openssl', args, { timeout: 60_000 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error('the `openssl` command was not found; install it (apt-get install openssl) or set TLS_CERT/TLS_KEY');
    }
    throw new Error(`openssl ${args[0]} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

async function readPem(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw new Error(`cannot read the ${what} at ${file}: ${(err as Error).message}`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
