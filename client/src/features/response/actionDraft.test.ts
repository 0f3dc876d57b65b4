import { describe, expect, it } from 'vitest';
import type { PlanAction } from '@shared/schemas/response-plan';
import { fromActionDraft, toActionDraft } from './actionDraft';

describe('the plan editor’s action form', () => {
  it('edits every kind of action back into the same action', () => {
    const actions: PlanAction[] = [
      { kind: 'dispatch', teamIds: ['team-a', 'team-b'], taskType: 'pre_position', priority: 'urgent', destination: { lat: 29.2, lon: 121.94, label: '石浦渔港' }, instructions: '待命' },
      { kind: 'open_shelters', townships: ['石浦镇', '鹤浦镇'] },
      { kind: 'evacuation_targets', targets: [{ township: '石浦镇', people: 8600, vessels: 620 }, { township: '鹤浦镇', people: 4200 }] },
      { kind: 'draft_warning', hazard: 'typhoon', colour: 'orange', townships: ['石浦镇'], hours: 24 },
      { kind: 'require_report', townships: ['石浦镇', '高塘岛乡'], withinMinutes: 120 },
    ];
    for (const action of actions) expect(fromActionDraft(toActionDraft(action))).toEqual({ action, errors: {} });
    const layout = toActionDraft({ kind: 'wall_layout', layout: { layers: { teams: true, trails: false, labels: true, townships: true, incidents: true, shelters: true, depots: false, typhoon: true, warnings: true, stations: true }, trailMinutes: 60 } });
    layout.layout = { ...layout.layout, layers: { ...layout.layout.layers, trails: true } };
    expect(fromActionDraft(layout).action).toMatchObject({ kind: 'wall_layout', layout: { layers: { trails: true, depots: false }, trailMinutes: 60 } });
    expect(fromActionDraft(toActionDraft(null))).toEqual({ action: null, errors: {} });
  });

  it('takes lists typed with 、 or commas, and puts each complaint at its field', () => {
    const draft = { ...toActionDraft(null), kind: 'dispatch' as const, teamIds: 'team-a，team-b', lat: 95, lon: 121.9, label: ' ' };
    const { action, errors } = fromActionDraft(draft);
    expect(action).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['label', 'lat']);

    expect(fromActionDraft({ ...draft, kind: 'open_shelters', townships: '石浦镇、不存在镇' }).errors).toHaveProperty('townships');
    const targets = fromActionDraft({ ...draft, kind: 'evacuation_targets', targets: '石浦镇 8600 620\n鹤浦镇 很多' });
    expect(targets.errors.targets).toMatch(/^2: /);
    expect(fromActionDraft({ ...draft, kind: 'require_report', townships: '石浦镇', withinMinutes: 5 }).errors).toHaveProperty('withinMinutes');
  });
});
