import type { Dispatch } from '@shared/schemas/dispatch';
import type { Incident } from '@shared/schemas/incident';
import type { Shelter } from '@shared/schemas/shelter';
import type { Depot } from '@shared/schemas/supply';
import type { SupplyRun } from '@shared/schemas/supply-run';
import type { DispatchStart } from '../dispatches/dispatchStart';
import { isActiveState } from '../dispatches/nextStep';

/** A dispatch some team is still working on (not every assignment declined, completed or cancelled). */
export const isActiveDispatch = (d: Pick<Dispatch, 'assignments'>): boolean => d.assignments.some((a) => isActiveState(a.state));

/**
 * The dispatches that can carry a supply run: active ones, 物资运送 tasks and those serving the run's
 * incident first, then newest first.
 */
export function carrierChoices(dispatches: readonly Dispatch[], destination: Pick<SupplyRun, 'destinationType' | 'destinationId'>): Dispatch[] {
  const fit = (d: Dispatch) => (d.taskType === 'supply_run' ? 2 : 0) + (destination.destinationType === 'incident' && d.incidentId === destination.destinationId ? 1 : 0);
  return dispatches.filter(isActiveDispatch).sort((a, b) => fit(b) - fit(a) || b.createdAt.localeCompare(a.createdAt));
}

export interface RunPlaces {
  depot: (id: string) => Depot | undefined;
  shelter: (id: string) => Shelter | undefined;
  incident: (id: string) => Incident | undefined;
}

/**
 * A new 物资运送 dispatch for a run being drafted: headed for the run's destination (linked to it when
 * that is an incident); null while the destination is unknown.
 */
export function dispatchStartFor(destination: Pick<SupplyRun, 'destinationType' | 'destinationId'>, places: RunPlaces, instructions: string): DispatchStart | null {
  const common = { taskType: 'supply_run' as const, instructions };
  const id = destination.destinationId;
  if (destination.destinationType === 'depot') {
    const depot = places.depot(id);
    return depot ? { ...common, label: depot.name, point: depot.location, township: depot.township, incidentId: null } : null;
  }
  if (destination.destinationType === 'shelter') {
    const shelter = places.shelter(id);
    return shelter ? { ...common, label: shelter.name, point: shelter.location, township: shelter.township, incidentId: null } : null;
  }
  const incident = places.incident(id);
  return incident ? { ...common, label: incident.place || incident.title, point: incident.location, township: incident.township, incidentId: incident.id } : null;
}
