import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import type { ImportResult } from '../../shared/schemas/typhoon';
import { LEKIMA_1909_JMA_BEST_TRACK } from './reference/lekima-1909';
import type { StormService } from './storm-service';

/** The demo board is never without a storm: Lekima (2019) from JMA's best track, marked historical so it drives no countdown or suggestion. */
export async function seedDemoTyphoon(storms: StormService): Promise<ImportResult | null> {
  if ((await storms.list()).some((s) => s.number === '1909')) return null;
  return storms.importFile(LEKIMA_1909_JMA_BEST_TRACK, { csvIdentity: null, historical: true }, { ...SYSTEM_ACTOR, name: 'Demo seed' });
}
