import type { DutyLogEntry, DutyMember, DutyShift, DutyShiftCreate, Handover, OnWatch } from '@shared/schemas/duty';
import { http } from './http';

export interface DutyShiftPatch {
  startsAt?: string;
  endsAt?: string;
  leaderUserId?: string;
  officerUserIds?: string[];
  note?: string;
}

export interface DutyLogInput {
  kind: DutyLogEntry['kind'];
  summary: string;
  counterpart?: string;
  phone?: string;
  incidentId?: string | null;
}

const shiftPath = (id: string) => `/api/duty/shifts/${encodeURIComponent(id)}`;

/** The duty watch: roster, handovers and the duty log (HTTP); the events that follow are authoritative. */
export const dutyApi = {
  now: () => http.get<OnWatch>('/api/duty/now'),
  shifts: () => http.get<DutyShift[]>('/api/duty/shifts'),
  members: () => http.get<DutyMember[]>('/api/duty/members'),
  createShift: (input: DutyShiftCreate) => http.post<DutyShift>('/api/duty/shifts', input),
  updateShift: (id: string, patch: DutyShiftPatch) => http.patch<DutyShift>(shiftPath(id), patch),
  removeShift: (id: string) => http.delete(shiftPath(id)),
  writeHandover: (note: string) => http.post<Handover>('/api/duty/handovers', { note }),
  acknowledgeHandover: (id: string) => http.post<Handover>(`/api/duty/handovers/${encodeURIComponent(id)}/acknowledge`),
  log: () => http.get<DutyLogEntry[]>('/api/duty/log'),
  addLogEntry: (input: DutyLogInput) => http.post<DutyLogEntry>('/api/duty/log', input),
};
