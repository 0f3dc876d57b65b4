import type { TeamStatus } from '../../shared/enums';
import type { AssignmentState } from '../../shared/schemas/dispatch';
import { canMove, isFinal } from '../../shared/dispatch-transitions';
import { DomainError } from '../errors';

export { TRANSITIONS, canMove, canReassign, isActive, isFinal } from '../../shared/dispatch-transitions';

/** Steps that take the team out: only the team's current dispatch may make them, not a queued one. */
export const MOVING_STATES: readonly AssignmentState[] = ['en_route', 'on_scene', 'completed'];

export function invalidTransition(from: AssignmentState, to: AssignmentState, why?: string): DomainError {
  return new DomainError('INVALID_TRANSITION', why ?? `A dispatch cannot go from ${from} to ${to}.`, { from, to });
}

/** Throws INVALID_TRANSITION unless the table allows `from → to`. */
export function assertTransition(from: AssignmentState, to: AssignmentState): void {
  if (!canMove(from, to)) throw invalidTransition(from, to);
}

/**
 * Whether a step asks for what already happened, so a second tablet (or a late retry with a new id) is
 * answered with the current state rather than an error: delivery once anything later has happened, or
 * the very state the assignment is in.
 */
export const alreadyThere = (from: AssignmentState, to: AssignmentState): boolean => from === to || (to === 'delivered' && from !== 'created');

/** The team status that each state of the team's current dispatch implies; `created` implies nothing yet. */
const FOLLOWS: Partial<Record<AssignmentState, TeamStatus>> = {
  delivered: 'dispatched',
  accepted: 'dispatched',
  en_route: 'en_route',
  on_scene: 'on_scene',
};

export interface AssignmentChange {
  from: AssignmentState;
  to: AssignmentState;
  /** The changed assignment was the team's current one before the change. */
  wasCurrent: boolean;
  /** It is the team's current one after the change (e.g. the first one of an idle team). */
  isCurrent: boolean;
}

/**
 * The team's status after one of its assignments changed. Only the current dispatch moves the status;
 * when it ends, the next queued one (if already delivered or accepted) takes over, otherwise the team
 * is returning (it went out, or completed) or back on standby (it never left).
 */
export function teamStatusAfter(status: TeamStatus, change: AssignmentChange, current: AssignmentState | null): TeamStatus {
  if (!change.wasCurrent && !change.isCurrent) return status;
  const followed = current ? FOLLOWS[current] : undefined;
  if (followed) return followed;
  if (!change.wasCurrent || !isFinal(change.to)) return status;
  if (change.to === 'completed' || change.from === 'en_route' || change.from === 'on_scene') return 'returning';
  return status === 'dispatched' ? 'standby' : status;
}
