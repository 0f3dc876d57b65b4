import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../shared/schemas/event';
import { RESPONSE_LEVELS } from '../../shared/schemas/response-plan';
import type { Database } from '../db/schema';
import type { ContactService } from '../contacts/contact-service';
import { DEMO_TOWNSHIPS, DEMO_TYPHOON_PLAN } from './demo-plan-tasks';
import type { PlanService } from './plan-service';

/**
 * The demo county's 防台风 plan, Ⅳ to Ⅰ, saved by the commander as version 1, and a duty contact for every
 * township that has none yet (fictional people), so the townships' tasks reach someone by personal link.
 */
export async function seedDemoPlans(db: Kysely<Database>, services: { plans: PlanService; contacts: ContactService }): Promise<void> {
  if (await db.selectFrom('response_plans').select('version').executeTakeFirst()) return;
  const commander = await db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'commander').executeTakeFirst();
  const actor: Actor = commander ? { type: 'user', id: commander.id, name: commander.display_name } : SYSTEM_ACTOR;
  const covered = new Set((await db.selectFrom('contacts').select('township').execute()).map((c) => c.township));
  for (const [i, township] of DEMO_TOWNSHIPS.entries()) {
    if (covered.has(township)) continue;
    const phone = `1380000${String(500 + i).padStart(4, '0')}`;
    await services.contacts.create({ name: `${township}值班负责人（演示）`, duty: 'township_head', township, unit: '', phones: [phone], channels: ['sms'], backupId: null }, actor, `contact-demo-duty-${i}`);
  }
  for (const level of RESPONSE_LEVELS) await services.plans.save('typhoon', level, { tasks: DEMO_TYPHOON_PLAN[level], note: '演示：象山县防台风应急预案（数字预案）', baseVersion: 0 }, actor);
}
