import type { AssignmentState, DispatchPriority } from '@shared/schemas/dispatch';
import { STATUS_COLORS } from '../teams/statusColors';

/** Assignment states in the colours of the team statuses they imply, so map and lists agree. */
export const ASSIGNMENT_COLORS: Record<AssignmentState, string> = {
  created: '#94a3b8',
  delivered: '#eab308',
  accepted: STATUS_COLORS.dispatched,
  en_route: STATUS_COLORS.en_route,
  on_scene: STATUS_COLORS.on_scene,
  completed: STATUS_COLORS.returning,
  declined: '#6b7280',
  cancelled: '#6b7280',
};

export const PRIORITY_COLORS: Record<DispatchPriority, string> = { flash: '#dc2626', urgent: '#ea580c', routine: '#2563eb' };
