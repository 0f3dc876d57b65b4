import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, isClusterMode, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.OSMAND_PORT).toBe(5055);
    expect(config.SEED).toBe('demo');
    expect(config.SIMULATE).toBe(false);
  });

  it('names every bad variable in one readable error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
    }
  });

  it('requires TLS_CERT and TLS_KEY together', () => {
    expect(() => loadConfig({ TLS_CERT: '/x.crt' })).toThrowError(/TLS_KEY/);
  });

  it('serves the client build CLIENT_DIR names, and refuses at boot a directory without one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-client-dir-'));
    try {
      expect(() => loadConfig({ CLIENT_DIR: dir })).toThrowError(/CLIENT_DIR/);
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
      expect(loadConfig({ CLIENT_DIR: path.relative(process.cwd(), dir) }).CLIENT_DIR).toBe(dir);
      expect(loadConfig({}).CLIENT_DIR).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('splits PUBLIC_HOSTNAMES', () => {
    expect(loadConfig({ PUBLIC_HOSTNAMES: 'board.local, 10.0.0.5' }).PUBLIC_HOSTNAMES).toEqual(['board.local', '10.0.0.5']);
  });

  it('takes trusted proxy addresses and subnets, and refuses anything else by name', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16, ::1' }).TRUSTED_PROXIES).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.5,proxy.local' })).toThrowError(/TRUSTED_PROXIES/);
  });

  it('keeps plain-HTTP sockets for field tablets off unless PLAIN_HTTP_FIELD_SOCKETS=on', () => {
    expect(loadConfig({}).PLAIN_HTTP_FIELD_SOCKETS).toBe(false);
    expect(loadConfig({ PLAIN_HTTP_FIELD_SOCKETS: 'on' }).PLAIN_HTTP_FIELD_SOCKETS).toBe(true);
    expect(() => loadConfig({ PLAIN_HTTP_FIELD_SOCKETS: 'yes' })).toThrowError(/PLAIN_HTTP_FIELD_SOCKETS/);
  });

  it('refuses a common ADMIN_PASSWORD at boot, naming it', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'password123' })).toThrowError(/ADMIN_PASSWORD/);
    expect(loadConfig({ ADMIN_PASSWORD: 'tide-gauge-7-north' }).ADMIN_PASSWORD).toBe('tide-gauge-7-north');
  });

  it('lets a test run raise the tablet write limits, and refuses a nonsense limit', () => {
    expect(loadConfig({}).FIELD_REPORTS_PER_MINUTE).toBe(10);
    expect(loadConfig({ FIELD_REPORTS_PER_MINUTE: '100000', TABLET_POSITIONS_PER_MINUTE: '100000' })).toMatchObject({ FIELD_REPORTS_PER_MINUTE: 100_000, TABLET_POSITIONS_PER_MINUTE: 100_000 });
    expect(() => loadConfig({ FIELD_REPORTS_PER_MINUTE: '0' })).toThrowError(/FIELD_REPORTS_PER_MINUTE/);
    expect(loadConfig({}).SOCKET_REQUESTS_PER_MINUTE).toBe(1_200);
    expect(() => loadConfig({ SOCKET_REQUESTS_PER_MINUTE: '5' })).toThrowError(/SOCKET_REQUESTS_PER_MINUTE/);
    expect(loadConfig({}).LOGIN_FAILURES_PER_ACCOUNT_ADDRESS).toBe(5);
    expect(loadConfig({ LOGIN_FAILURES_PER_ADDRESS: '50' }).LOGIN_FAILURES_PER_ADDRESS).toBe(50);
    expect(() => loadConfig({ LOGIN_FAILURES_PER_ACCOUNT_ADDRESS: '0' })).toThrowError(/LOGIN_FAILURES_PER_ACCOUNT_ADDRESS/);
  });

  it('turns cluster mode on with REDIS_URL and PostgreSQL, and refuses it on SQLite with a clear message', () => {
    expect(isClusterMode(loadConfig({}))).toBe(false);
    expect(isClusterMode(loadConfig({ DATABASE_URL: 'postgresql://db/tw' }))).toBe(false);
    const cluster = loadConfig({ DATABASE_URL: 'postgresql://db/tw', REDIS_URL: 'redis://cache:6379' });
    expect(isClusterMode(cluster)).toBe(true);
    expect(cluster.REDIS_PREFIX).toBe('tidewatch');
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrowError(/REDIS_URL.*needs PostgreSQL.*DATABASE_URL/s);
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://db/tw', REDIS_URL: 'http://cache' })).toThrowError(/REDIS_URL/);
  });

  it('sends video to a cluster\'s media node only from an instance without the relay, in cluster mode', () => {
    const cluster = { DATABASE_URL: 'postgresql://db/tw', REDIS_URL: 'redis://cache:6379' };
    expect(loadConfig({ ...cluster, VIDEO: 'off', VIDEO_MEDIA_URL: 'http://10.0.0.2:8101' }).VIDEO_MEDIA_URL).toBe('http://10.0.0.2:8101');
    expect(() => loadConfig({ ...cluster, VIDEO_MEDIA_URL: 'http://10.0.0.2:8101' })).toThrowError(/VIDEO_MEDIA_URL.*VIDEO=off/s);
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://db/tw', VIDEO: 'off', VIDEO_MEDIA_URL: 'http://10.0.0.2:8101' })).toThrowError(/VIDEO_MEDIA_URL.*REDIS_URL/s);
    expect(() => loadConfig({ ...cluster, VIDEO: 'off', VIDEO_MEDIA_URL: 'ftp://10.0.0.2' })).toThrowError(/VIDEO_MEDIA_URL/);
  });
});
