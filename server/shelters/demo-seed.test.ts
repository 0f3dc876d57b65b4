import { describe, expect, it } from 'vitest';
import { TOWNSHIP_NAMES } from '../../shared/townships';
import { DEMO_CHECK_INS, DEMO_WITH_RELATIVES } from './demo-seed';
import { DEMO_SHELTERS } from './shelter-sites';

describe('the demo shelters seed', () => {
  it('checks evacuees into known shelters within their capacity, and reports known townships', () => {
    for (const [id, people] of DEMO_CHECK_INS) expect(DEMO_SHELTERS.find((sh) => sh.id === id)?.capacity ?? id).toBeGreaterThanOrEqual(people);
    for (const township of Object.keys(DEMO_WITH_RELATIVES)) expect(TOWNSHIP_NAMES).toContain(township);
  });
});
