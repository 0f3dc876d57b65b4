import type { DomainEvent, EventType } from '../schemas/event';
import type { ReplayScene } from '../schemas/replay';
import { ACTIVE_ASSIGNMENT_STATES } from '../schemas/dispatch';

/** The events that change what a replay shows. */
export const SCENE_EVENT_TYPES = [
  'team.created',
  'team.updated',
  'dispatch.assigned',
  'dispatch.stepped',
  'incident.reported',
  'incident.updated',
  'incident.status_changed',
  'incident.severity_changed',
  'incident.report_done',
  'shelter.created',
  'shelter.updated',
  'shelter.status_changed',
  'shelter.occupancy_changed',
  'alarm.raised',
  'alarm.acknowledged',
  'alarm.cleared',
  'warning.issued',
  'warning.replaced',
  'typhoon.imported',
  'typhoon.updated',
  'typhoon.archived',
] as const satisfies readonly EventType[];

export const emptyScene = (at: string): ReplayScene => ({ at, teams: {}, dispatches: {}, incidents: {}, shelters: {}, alarms: {}, warnings: {}, storms: {} });

const ACTIVE: readonly string[] = ACTIVE_ASSIGNMENT_STATES;

/** Moves a scene on by one event (in place): the one fold the server's start and the browser's playback share. */
export function applyToScene(scene: ReplayScene, event: DomainEvent): void {
  scene.at = event.at;
  switch (event.type) {
    case 'team.created':
    case 'team.updated':
      scene.teams[event.payload.team.id] = { id: event.payload.team.id, name: event.payload.team.name };
      return;
    case 'dispatch.assigned': {
      const { dispatch, teamId } = event.payload;
      const { lat, lon, label } = dispatch.destination;
      scene.dispatches[`${dispatch.id}|${teamId}`] = { dispatchId: dispatch.id, teamId, state: 'created', priority: dispatch.priority, destination: { lat, lon, label } };
      return;
    }
    case 'dispatch.stepped': {
      const key = `${event.payload.dispatchId}|${event.payload.teamId}`;
      const current = scene.dispatches[key];
      if (!current) return;
      if (ACTIVE.includes(event.payload.assignment.state)) current.state = event.payload.assignment.state;
      else delete scene.dispatches[key];
      return;
    }
    case 'incident.reported':
    case 'incident.updated':
    case 'incident.status_changed':
    case 'incident.severity_changed':
    case 'incident.report_done': {
      const i = event.payload.incident;
      if (i.status === 'closed') delete scene.incidents[i.id];
      else scene.incidents[i.id] = { id: i.id, code: i.code, title: i.title, severity: i.severity, status: i.status, location: i.location, township: i.township };
      return;
    }
    case 'shelter.created':
    case 'shelter.updated':
    case 'shelter.status_changed':
    case 'shelter.occupancy_changed': {
      const s = event.payload.shelter;
      scene.shelters[s.id] = { id: s.id, name: s.name, location: s.location, occupancy: s.occupancy, capacity: s.capacity, status: s.status };
      return;
    }
    case 'alarm.raised':
    case 'alarm.acknowledged':
    case 'alarm.cleared': {
      const a = event.payload.alarm;
      if (a.state === 'cleared') delete scene.alarms[a.id];
      else scene.alarms[a.id] = { id: a.id, kind: a.kind, severity: a.severity, state: a.state, sourceId: a.sourceId, raisedAt: a.raisedAt };
      return;
    }
    case 'warning.issued': {
      const w = event.payload.warning;
      if (w.msgType !== 'Cancel') scene.warnings[w.id] = { id: w.id, hazard: w.hazard, colour: w.colour, townships: w.townships, exercise: w.exercise, expires: w.expires };
      return;
    }
    case 'warning.replaced':
      delete scene.warnings[event.payload.warning.id];
      return;
    case 'typhoon.imported':
    case 'typhoon.updated':
      if (!event.payload.storm.historical) scene.storms[event.payload.storm.id] = event.payload.storm;
      return;
    case 'typhoon.archived':
      delete scene.storms[event.payload.storm.id];
      return;
  }
}

/** Warnings in force at `t`: issued, not replaced, not yet expired. */
export const warningsInForce = (scene: ReplayScene, t: number) => Object.values(scene.warnings).filter((w) => Date.parse(w.expires) > t);
