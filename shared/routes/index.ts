import { AUTH_ROUTES, USER_ROUTES } from './auth';
import { ALARM_ROUTES } from './alarms';
import { CAMERA_ROUTES } from './cameras';
import { DEVICE_ROUTES } from './devices';
import { DISPATCH_ROUTES } from './dispatch';
import { DUTY_ROUTES } from './duty';
import { INCIDENT_PHOTO_ROUTES, INCIDENT_ROUTES, REPORTING_RULE_ROUTES } from './incidents';
import { OVERVIEW_ROUTES } from './overview';
import { POSITION_ROUTES } from './positions';
import type { RouteTable } from './route';
import { RESPONSE_PLAN_ROUTES, RESPONSE_ROUTES } from './response';
import { REVIEW_ROUTES } from './review';
import { EVACUATION_ROUTES, SHELTER_ROUTES } from './shelters';
import { STATION_CSV_ROUTES, STATION_ROUTES } from './stations';
import { SUPPLY_CSV_ROUTES, SUPPLY_ROUTES, SUPPLY_RUN_ROUTES } from './supplies';
import { TEAM_ROUTES } from './teams';
import { WALL_LAYOUT_ROUTES } from './wall';
import { TYPHOON_IMPORT_ROUTES, TYPHOON_ROUTES } from './typhoons';
import { CAP_ROUTES, CONTACT_ROUTES, WARNING_ROUTES } from './warnings';

/** Every HTTP route under /api (tracker ingest, outside /api, speaks the trackers' own protocols). */
export const ROUTE_TABLES: Record<string, RouteTable> = {
  teams: TEAM_ROUTES,
  incidents: INCIDENT_ROUTES,
  incidentPhotos: INCIDENT_PHOTO_ROUTES,
  reportingRules: REPORTING_RULE_ROUTES,
  shelters: SHELTER_ROUTES,
  evacuation: EVACUATION_ROUTES,
  duty: DUTY_ROUTES,
  dispatch: DISPATCH_ROUTES,
  alarms: ALARM_ROUTES,
  positions: POSITION_ROUTES,
  wallLayout: WALL_LAYOUT_ROUTES,
  overview: OVERVIEW_ROUTES,
  auth: AUTH_ROUTES,
  users: USER_ROUTES,
  devices: DEVICE_ROUTES,
  cameras: CAMERA_ROUTES,
  supplies: SUPPLY_ROUTES,
  supplyRuns: SUPPLY_RUN_ROUTES,
  supplyCsv: SUPPLY_CSV_ROUTES,
  typhoons: TYPHOON_ROUTES,
  typhoonImport: TYPHOON_IMPORT_ROUTES,
  warnings: WARNING_ROUTES,
  cap: CAP_ROUTES,
  contacts: CONTACT_ROUTES,
  stations: STATION_ROUTES,
  stationCsv: STATION_CSV_ROUTES,
  responses: RESPONSE_ROUTES,
  responsePlans: RESPONSE_PLAN_ROUTES,
  review: REVIEW_ROUTES,
};
