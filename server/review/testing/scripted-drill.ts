// Test support: a drill (演练) inside the scripted response, whose records must stay out of the real report.
import type { Dispatch } from '../../../shared/schemas/dispatch';
import { DESK, HOUR, dispatch, incident, iso } from './records';
import type { ScriptWriter } from './script-writer';

/** The drill starts ten hours into the window: one incident taken in (its reports never made) and one dispatch to 乙队. */
export const DRILL_AT_HOURS = 10;

/** What the drill report must count for the window (the real report's figures stay those of EXPECTED). */
export const EXPECTED_DRILL = { dispatches: 1, incidents: 1, missedReports: 2 };

export function scriptDrill(s: ScriptWriter, t0: number): void {
  const at = t0 + DRILL_AT_HOURS * HOUR;
  const i = incident('i-x', '20250915-900', { type: 'typhoon', severity: 'major', township: '石浦镇', reportedAt: at, exercise: true });
  s.at(at, 'incident.reported', { incident: i, entry: { id: 'i-x-reported', incidentId: i.id, at: iso(at), kind: 'reported', text: '', params: {}, author: DESK.name } }, DESK);
  const d: Dispatch = { ...dispatch('d-x', 't-b', at + HOUR / 4, { lat: 29.3, lon: 121.95 }, true), instructions: '【演练】转移石浦镇低洼区群众' };
  s.at(at + HOUR / 4, 'dispatch.assigned', { dispatch: d, teamId: 't-b', queue: [d.id] }, DESK);
  const delivered = iso(at + HOUR / 4 + 30_000);
  const step = { dispatchId: d.id, teamId: 't-b', from: 'created' as const, state: 'delivered' as const, at: delivered, actor: DESK, channel: 'tablet' as const, reason: null };
  s.at(Date.parse(delivered), 'dispatch.stepped', { dispatchId: d.id, teamId: 't-b', step, assignment: { ...d.assignments[0]!, state: 'delivered', updatedAt: delivered, channel: 'tablet' }, queue: [d.id] });
}
