import { ACTIVE_ASSIGNMENT_STATES, type AssignmentState, type TABLET_STEPS } from '@shared/schemas/dispatch';

export type TabletStep = (typeof TABLET_STEPS)[number];

/** The one forward step a team takes from each state (the big button on the tablet). */
const NEXT: Partial<Record<AssignmentState, TabletStep>> = {
  created: 'accepted',
  delivered: 'accepted',
  accepted: 'en_route',
  en_route: 'on_scene',
  on_scene: 'completed',
};

/** Steps that move the team: only its current (not queued) dispatch may take them. */
const MOVING: readonly TabletStep[] = ['en_route', 'on_scene', 'completed'];

export const isActiveState = (state: AssignmentState): boolean => (ACTIVE_ASSIGNMENT_STATES as readonly AssignmentState[]).includes(state);

export const canDecline = (state: AssignmentState): boolean => state === 'created' || state === 'delivered';

/** The next step for the big button, or null when there is none (final, or a queued dispatch already accepted). */
export function nextStep(state: AssignmentState, isCurrent = true): TabletStep | null {
  const next = NEXT[state] ?? null;
  if (next && !isCurrent && MOVING.includes(next)) return null;
  return next;
}

/** A state as the tablet shows it: the server's, moved on by the steps still waiting in the outbox. */
export function effectiveState(serverState: AssignmentState, queuedSteps: readonly AssignmentState[]): AssignmentState {
  let state = serverState;
  for (const to of queuedSteps) {
    // A queued step the server has already passed (or can't take) does not move the display back.
    if (!isActiveState(state)) break;
    if (to === 'declined' ? canDecline(state) : rank(to) > rank(state)) state = to;
  }
  return state;
}

const ORDER: readonly AssignmentState[] = ['created', 'delivered', 'accepted', 'en_route', 'on_scene', 'completed'];
const rank = (s: AssignmentState): number => {
  const i = ORDER.indexOf(s);
  return i === -1 ? 99 : i;
};
