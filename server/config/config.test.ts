import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

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

  it('splits PUBLIC_HOSTNAMES', () => {
    expect(loadConfig({ PUBLIC_HOSTNAMES: 'board.local, 10.0.0.5' }).PUBLIC_HOSTNAMES).toEqual(['board.local', '10.0.0.5']);
  });

  it('lets a test run raise the tablet write limits, and refuses a nonsense limit', () => {
    expect(loadConfig({}).FIELD_REPORTS_PER_MINUTE).toBe(10);
    expect(loadConfig({ FIELD_REPORTS_PER_MINUTE: '100000', TABLET_POSITIONS_PER_MINUTE: '100000' })).toMatchObject({ FIELD_REPORTS_PER_MINUTE: 100_000, TABLET_POSITIONS_PER_MINUTE: 100_000 });
    expect(() => loadConfig({ FIELD_REPORTS_PER_MINUTE: '0' })).toThrowError(/FIELD_REPORTS_PER_MINUTE/);
  });
});
