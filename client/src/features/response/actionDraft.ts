import { DISPATCH_PRIORITIES, TASK_TYPES } from '@shared/schemas/dispatch';
import { PlanActionSchema, type PlanAction, type PlanActionKind } from '@shared/schemas/response-plan';
import { DEFAULT_WALL_LAYOUT, WALL_LAYERS, type WallLayout } from '@shared/schemas/wall';
import type { Hazard as WarningHazard, WarningColour } from '@shared/schemas/warning';

export const ACTION_KINDS: PlanActionKind[] = ['dispatch', 'open_shelters', 'evacuation_targets', 'draft_warning', 'wall_layout', 'require_report'];

/**
 * A task's action as the plan editor edits it: every kind's fields at once (switching kinds keeps what was
 * typed), lists as text (teams and townships separated by commas or 、, targets one township a line).
 */
export interface ActionDraft {
  kind: PlanActionKind | 'none';
  teamIds: string;
  taskType: (typeof TASK_TYPES)[number];
  priority: (typeof DISPATCH_PRIORITIES)[number];
  lat: number | null;
  lon: number | null;
  label: string;
  instructions: string;
  townships: string;
  /** 「石浦镇 3000 620」: township, people, vessels (either count may be left out with 「-」). */
  targets: string;
  hazard: WarningHazard;
  colour: WarningColour;
  hours: number;
  withinMinutes: number;
  layout: WallLayout;
}

/** The draft's fields an error is shown at. */
export type ActionField = Exclude<keyof ActionDraft, 'kind'> | 'kind';

const list = (text: string): string[] => text.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);

export function toActionDraft(action: PlanAction | null): ActionDraft {
  const draft: ActionDraft = { kind: action?.kind ?? 'none', teamIds: '', taskType: 'pre_position', priority: 'urgent', lat: null, lon: null, label: '', instructions: '', townships: '', targets: '', hazard: 'typhoon', colour: 'blue', hours: 24, withinMinutes: 60, layout: DEFAULT_WALL_LAYOUT };
  if (!action) return draft;
  switch (action.kind) {
    case 'dispatch':
      return { ...draft, teamIds: action.teamIds.join(', '), taskType: action.taskType, priority: action.priority, lat: action.destination.lat, lon: action.destination.lon, label: action.destination.label, instructions: action.instructions };
    case 'open_shelters':
      return { ...draft, townships: action.townships.join('、') };
    case 'evacuation_targets':
      return { ...draft, targets: action.targets.map((t) => `${t.township} ${t.people ?? '-'} ${t.vessels ?? '-'}`).join('\n') };
    case 'draft_warning':
      return { ...draft, hazard: action.hazard, colour: action.colour, townships: action.townships.join('、'), hours: action.hours };
    case 'wall_layout':
      return { ...draft, layout: action.layout };
    case 'require_report':
      return { ...draft, townships: action.townships.join('、'), withinMinutes: action.withinMinutes };
  }
}

const count = (text: string | undefined): number | undefined | typeof NaN => (text === undefined || text === '-' ? undefined : /^\d+$/.test(text) ? Number(text) : NaN);

function candidate(d: ActionDraft): unknown {
  switch (d.kind) {
    case 'none':
      return null;
    case 'dispatch':
      return { kind: d.kind, teamIds: list(d.teamIds), taskType: d.taskType, priority: d.priority, destination: { lat: d.lat, lon: d.lon, label: d.label.trim() }, instructions: d.instructions.trim() };
    case 'open_shelters':
      return { kind: d.kind, townships: list(d.townships) };
    case 'evacuation_targets':
      return {
        kind: d.kind,
        targets: d.targets
          .split('\n')
          .map((line) => line.trim().split(/\s+/))
          .filter((parts) => parts[0])
          .map(([township, people, vessels]) => Object.fromEntries(Object.entries({ township, people: count(people), vessels: count(vessels) }).filter(([, v]) => v !== undefined))),
      };
    case 'draft_warning':
      return { kind: d.kind, hazard: d.hazard, colour: d.colour, townships: list(d.townships), hours: d.hours };
    case 'wall_layout':
      return { kind: d.kind, layout: d.layout };
    case 'require_report':
      return { kind: d.kind, townships: list(d.townships), withinMinutes: d.withinMinutes };
  }
}

/** Where a schema complaint belongs in the form: `destination.lat` at the latitude, `targets.2.people` at the targets. */
function fieldOf(path: PropertyKey[]): ActionField {
  const [head, sub] = path.map(String);
  if (head === 'destination') return sub === 'label' ? 'label' : sub === 'lon' ? 'lon' : 'lat';
  if (head === 'layout') return 'layout';
  return (head as ActionField | undefined) ?? 'kind';
}

/** The action the draft describes, or the problems of each field (the first complaint per field). */
export function fromActionDraft(d: ActionDraft): { action: PlanAction | null; errors: Partial<Record<ActionField, string>> } {
  const value = candidate(d);
  if (value === null) return { action: null, errors: {} };
  const parsed = PlanActionSchema.safeParse(value);
  if (parsed.success) return { action: parsed.data, errors: {} };
  const errors: Partial<Record<ActionField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    const where = issue.path.length > 2 && field === 'targets' ? `${Number(issue.path[1]) + 1}: ` : '';
    errors[field] ??= where + issue.message;
  }
  return { action: null, errors };
}

export { WALL_LAYERS };
