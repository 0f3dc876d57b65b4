import { ACTIVE_ASSIGNMENT_STATES, FINAL_ASSIGNMENT_STATES, type AssignmentState } from './schemas/dispatch';

/**
 * Which state an assignment may move to from each state. A team may confirm a later step without the
 * earlier ones (accepting implies delivery; a team already at its base can go from accepted to on scene),
 * but never go back, and a final state is final. The desk can cancel anything not yet final.
 * The server enforces this table; the desk offers only the actions it allows.
 */
export const TRANSITIONS: Readonly<Record<AssignmentState, readonly AssignmentState[]>> = {
  created: ['delivered', 'accepted', 'declined', 'cancelled'],
  delivered: ['accepted', 'declined', 'cancelled'],
  accepted: ['en_route', 'on_scene', 'cancelled'],
  en_route: ['on_scene', 'cancelled'],
  on_scene: ['completed', 'cancelled'],
  declined: [],
  completed: [],
  cancelled: [],
};

export const isFinal = (state: AssignmentState): boolean => (FINAL_ASSIGNMENT_STATES as readonly AssignmentState[]).includes(state);
export const isActive = (state: AssignmentState): boolean => (ACTIVE_ASSIGNMENT_STATES as readonly AssignmentState[]).includes(state);

export const canMove = (from: AssignmentState, to: AssignmentState): boolean => TRANSITIONS[from].includes(to);

/**
 * A team's task can go to other teams while the team still holds it, or after it declined; not once it
 * was completed or the desk cancelled it (the work is done or no longer wanted).
 */
export const canReassign = (state: AssignmentState): boolean => isActive(state) || state === 'declined';

/** What the desk may do with one team's assignment in a given state. */
export interface AssignmentActions {
  cancel: boolean;
  reassign: boolean;
  /** Steps the desk may record for the team (phone, radio, in person). */
  onBehalf: readonly AssignmentState[];
}

export function assignmentActions(state: AssignmentState): AssignmentActions {
  return { cancel: canMove(state, 'cancelled'), reassign: canReassign(state), onBehalf: TRANSITIONS[state].filter((to) => to !== 'cancelled') };
}

/** The desk's actions on a whole dispatch: each one offered when at least one team's assignment allows it. */
export function dispatchActions(assignments: ReadonlyArray<{ state: AssignmentState }>): { cancel: boolean; reassign: boolean; onBehalf: boolean } {
  const each = assignments.map((a) => assignmentActions(a.state));
  return { cancel: each.some((a) => a.cancel), reassign: each.some((a) => a.reassign), onBehalf: each.some((a) => a.onBehalf.length > 0) };
}
