import { describe, expect, it } from 'vitest';
import { startupBanner } from './startup-banner';

describe('startup banner', () => {
  const facts = {
    urls: { wall: 'https://localhost:8080/wall', osmand: 'http://localhost:5055/' },
    store: '/srv/tidewatch/data/tidewatch.sqlite',
    dataDir: '/srv/tidewatch/data',
    tlsCa: '/srv/tidewatch/data/tls/ca.crt',
    adminPassword: 'Xk3pQ9mT7vR2wZ8a',
    demoAccountsFile: '/srv/tidewatch/data/demo-accounts.txt',
  };

  it('tells the operator the URLs, where the data lives, the CA and the first-run password', () => {
    const text = startupBanner(facts);
    expect(text).toContain('https://localhost:8080/wall');
    expect(text).toContain('http://localhost:5055/');
    expect(text).toContain('/srv/tidewatch/data');
    expect(text).toContain('ca.crt');
    expect(text).toContain('Xk3pQ9mT7vR2wZ8a');
    expect(text).toContain('demo-accounts.txt');
  });

  it('prints no password line on later runs', () => {
    expect(startupBanner({ ...facts, adminPassword: null, demoAccountsFile: null })).not.toMatch(/password|First run/);
  });
});
