import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../db/database';
import { manualClock } from '../warnings/test-support';
import { listVillages } from './evacuation-store';
import { commander, dutyOfficer, openResponseServices, type ResponseTestServices } from './test-support';

let s: ResponseTestServices;

beforeEach(async () => {
  const clock = manualClock();
  s = await openResponseServices(await openStore({ sqliteFile: ':memory:' }), () => clock.now());
});
afterEach(() => s.close());

const start = () => s.responses.start({ actionId: randomUUID(), hazard: 'typhoon', level: 'IV', reason: '7级风圈', exercise: false, confirmDuringReal: false }, commander);

describe('人员转移 per village', () => {
  it('keeps each village’s target and moved count under its township, logged for every screen; an ended response refuses', async () => {
    const { response } = await start();
    await s.evacuation.setVillage(response.id, '石浦镇', ' 番西村 ', { people: 1200 }, dutyOfficer);
    const village = await s.evacuation.setVillage(response.id, '石浦镇', '番西村', { reportedMoved: 900 }, dutyOfficer);
    expect(village).toMatchObject({ township: '石浦镇', village: '番西村', people: 1200, reportedMoved: 900, deadline: null, updatedBy: '值班员甲' });
    expect(await listVillages(s.store.db, response.id)).toEqual([village]);
    const logged = (await s.log.readRange(1, 100_000)).map((e) => e.event).filter((e) => e.type === 'response.evacuation_village_set');
    expect(logged.map((e) => e.payload)).toEqual([expect.objectContaining({ responseId: response.id }), { responseId: response.id, village }]);

    await expect(s.evacuation.setVillage(response.id, '不存在镇', '番西村', { people: 1 }, dutyOfficer)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(s.evacuation.setVillage(response.id, '石浦镇', '  ', { people: 1 }, dutyOfficer)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await s.responses.end(response.id, { actionId: randomUUID(), reason: '解除' }, commander);
    await expect(s.evacuation.setVillage(response.id, '石浦镇', '番西村', { people: 1300 }, dutyOfficer)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
