import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../positions/test-support';
import { seedDemoTyphoon } from './demo-seed';
import { LEKIMA_1909_JMA_BEST_TRACK } from './reference/lekima-1909';
import { SignalRulesService } from './signal-rules-service';
import { StormService } from './storm-service';

let services: TestServices | null = null;
afterEach(async () => services?.close());

describe('the demo typhoon', () => {
  it('is JMA’s published best track of Lekima, unchanged', () => {
    expect(LEKIMA_1909_JMA_BEST_TRACK).toBe(readFileSync(new URL('fixtures/jma_bst_1909_lekima.txt', import.meta.url), 'utf8'));
  });

  it('is seeded once, as a historical storm, so it drives no countdown or suggestion', async () => {
    const now = Date.parse('2026-08-01T00:00:00Z');
    services = await openTestServices(() => now);
    const storms = new StormService(services.store.db, services.transactor, new SignalRulesService(services.store.db, services.transactor), () => now);
    expect(await seedDemoTyphoon(storms)).toMatchObject({ storms: [{ id: 'ty-1909', outcome: 'created', points: 56 }] });
    expect(await seedDemoTyphoon(storms)).toBeNull();
    const [lekima] = await storms.list();
    expect(lekima).toMatchObject({ id: 'ty-1909', nameEn: 'LEKIMA', historical: true });
    const exposure = await storms.exposure('ty-1909', {});
    expect(exposure).toMatchObject({ historical: true, county: { level7: { state: 'historical' } }, suggestion: { state: 'historical' } });
  });
});
