import type { AlarmSeverity, AlarmSound } from '../../shared/enums';
import type { DispatchPriority } from '../../shared/schemas/dispatch';
import type { AlarmRaise } from '../alarms/alarm-service';

export type EscalationKind = 'dispatch_undelivered' | 'dispatch_unaccepted';

/** Overdue alarms are raised per assignment: one dispatch to three teams can be overdue for one of them. */
export const assignmentSource = (dispatchId: string, teamId: string): string => `${dispatchId}:${teamId}`;
export const ASSIGNMENT_SOURCE_TYPE = 'dispatch_assignment';

const SEVERITY: Record<DispatchPriority, AlarmSeverity> = { flash: 'critical', urgent: 'warning', routine: 'info' };
const SOUND: Record<DispatchPriority, AlarmSound> = { flash: 'repeat', urgent: 'repeat', routine: 'once' };

export interface OverdueAssignment {
  dispatchId: string;
  teamId: string;
  teamName: string;
  priority: DispatchPriority;
  label: string;
  createdAt: string;
  /** A drill's dispatch: its alarm is a drill's too. */
  exercise: boolean;
}

export const escalationAlarm = (kind: EscalationKind, overdue: OverdueAssignment): AlarmRaise => ({
  kind,
  severity: SEVERITY[overdue.priority],
  sound: SOUND[overdue.priority],
  sourceType: ASSIGNMENT_SOURCE_TYPE,
  sourceId: assignmentSource(overdue.dispatchId, overdue.teamId),
  exercise: overdue.exercise,
  params: { teamName: overdue.teamName, dispatchId: overdue.dispatchId, teamId: overdue.teamId, priority: overdue.priority, destination: overdue.label, createdAt: overdue.createdAt },
});
