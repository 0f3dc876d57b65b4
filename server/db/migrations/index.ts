import type { Migration } from 'kysely';
import * as foundation from './0001_foundation';
import * as dispatch from './0002_dispatch';
import * as incidentsSupplies from './0003_incidents_supplies';
import * as cameras from './0004_cameras';
import * as processedActionsAge from './0005_processed_actions_age';
import * as fieldTelemetry from './0006_field_telemetry';
import * as typhoons from './0007_typhoons';
import * as dispatchOutcome from './0008_dispatch_outcome';
import * as warnings from './0009_warnings';
import * as sensors from './0010_sensors';
import * as response from './0011_response';
import * as review from './0012_review';
import * as exerciseFlags from './0013_exercise_flags';
import * as drillRecords from './0014_drill_records';
import * as responseVillages from './0015_response_villages';
import * as drillFigures from './0016_drill_figures';

/** Every migration, in order; the one list both dialects run. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_dispatch': dispatch,
  '0003_incidents_supplies': incidentsSupplies,
  '0004_cameras': cameras,
  '0005_processed_actions_age': processedActionsAge,
  '0006_field_telemetry': fieldTelemetry,
  '0007_typhoons': typhoons,
  '0008_dispatch_outcome': dispatchOutcome,
  '0009_warnings': warnings,
  '0010_sensors': sensors,
  '0011_response': response,
  '0012_review': review,
  '0013_exercise_flags': exerciseFlags,
  '0014_drill_records': drillRecords,
  '0015_response_villages': responseVillages,
  '0016_drill_figures': drillFigures,
};
