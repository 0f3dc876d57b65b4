import { SUPPLIES_VIEWS, type SuppliesView } from '../supplies/suppliesViews';
import { DESK_TABS, type DeskTab } from './deskTabs';

/**
 * What the desk shows, as route state: the open tab is the path (`/desk/incidents`), everything else the
 * query (`?incident=…&form=new-dispatch`). `deskLocation` and `deskStateFrom` are the only two places that
 * know the URL's shape; a state written and read back is the same state, and any URL reads as some state.
 */

/** What the detail panel can show, each named in the URL by a query key of the same name. */
export const DESK_ITEM_KINDS = ['team', 'dispatch', 'incident', 'shelter', 'township', 'warning', 'alert', 'station'] as const;
export type DeskItemKind = (typeof DESK_ITEM_KINDS)[number];
export interface DeskItem {
  kind: DeskItemKind;
  /** The item's id; for a township, its name. */
  id: string;
}

/**
 * The forms that open over the detail panel (`?form=`); a new dispatch may be started for an incident, a new
 * warning as the update of one in force (`&for=`); `edit-warning` edits the draft open as the item.
 */
export const DESK_FORMS = ['new-dispatch', 'new-incident', 'new-warning', 'edit-warning'] as const;
export type DeskForm =
  | { kind: 'new-incident' }
  | { kind: 'new-dispatch'; incidentId: string | null }
  | { kind: 'new-warning'; replacesId: string | null }
  | { kind: 'edit-warning' };

export interface DeskState {
  tab: DeskTab;
  item: DeskItem | null;
  /** The camera open in the viewer, shown above whatever else the panel holds. */
  camera: string | null;
  form: DeskForm | null;
  /** The 物资 tab's view and depot filter; only in the URL while that tab is open. */
  supplies: { view: SuppliesView; depot: string | null };
}

export const DESK_HOME: DeskState = { tab: 'teams', item: null, camera: null, form: null, supplies: { view: 'stock', depot: null } };
const HOME_TAB: DeskTab = DESK_HOME.tab;

/** Where the desk lives; `deskLocation(DESK_HOME).path` is exactly this. */
export const DESK_PATH = '/desk';

export interface DeskLocation {
  path: string;
  query: Record<string, string>;
}

/** The URL of a desk state: the home tab has no path segment and defaults are left out, so `/desk` is the empty desk. */
export function deskLocation(state: DeskState): DeskLocation {
  const query: Record<string, string> = {};
  if (state.item) query[state.item.kind] = state.item.id;
  if (state.camera) query.camera = state.camera;
  if (state.form) {
    query.form = state.form.kind;
    if (state.form.kind === 'new-dispatch' && state.form.incidentId) query.for = state.form.incidentId;
    if (state.form.kind === 'new-warning' && state.form.replacesId) query.for = state.form.replacesId;
  }
  if (state.tab === 'supplies') {
    if (state.supplies.view !== DESK_HOME.supplies.view) query.view = state.supplies.view;
    if (state.supplies.depot) query.depot = state.supplies.depot;
  }
  return { path: state.tab === HOME_TAB ? DESK_PATH : `${DESK_PATH}/${state.tab}`, query };
}

/** A route's query as vue-router gives it: a key may repeat (an array) or stand alone (null). */
export type RawQuery = Record<string, unknown>;

/** The first non-empty string of a query value, or null. */
function text(value: unknown): string | null {
  const first = Array.isArray(value) ? value.find((v) => typeof v === 'string' && v !== '') : value;
  return typeof first === 'string' && first !== '' ? first : null;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null => {
  const s = text(value);
  return s !== null && (values as readonly string[]).includes(s) ? (s as T) : null;
};

/**
 * The desk state a URL names: `tabParam` is the path segment after `/desk` (absent on the home tab). Total:
 * an unknown tab, form or view reads as the default, and when several item keys are given the first in
 * `DESK_ITEM_KINDS` order wins. Ids are not checked here; the panel says when one names nothing.
 */
export function deskStateFrom(tabParam: unknown, query: RawQuery): DeskState {
  const tab = oneOf(DESK_TABS, tabParam) ?? HOME_TAB;
  let item: DeskItem | null = null;
  for (const kind of DESK_ITEM_KINDS) {
    const id = text(query[kind]);
    if (id !== null) {
      item = { kind, id };
      break;
    }
  }
  const formKind = oneOf(DESK_FORMS, query.form);
  const forms: Record<(typeof DESK_FORMS)[number], () => DeskForm> = {
    'new-dispatch': () => ({ kind: 'new-dispatch', incidentId: text(query.for) }),
    'new-incident': () => ({ kind: 'new-incident' }),
    'new-warning': () => ({ kind: 'new-warning', replacesId: text(query.for) }),
    'edit-warning': () => ({ kind: 'edit-warning' }),
  };
  const form: DeskForm | null = formKind ? forms[formKind]() : null;
  const supplies = tab === 'supplies' ? { view: oneOf(SUPPLIES_VIEWS, query.view) ?? DESK_HOME.supplies.view, depot: text(query.depot) } : DESK_HOME.supplies;
  return { tab, item, camera: text(query.camera), form, supplies };
}

// What the officer's actions do to the state. Each returns the next state; the view pushes its URL.

/** Another tab: the 安置 and 监测 tabs' own selections and the 物资 tab's view do not follow to other tabs. */
export function withTab(state: DeskState, tab: DeskTab): DeskState {
  const shelterItem = state.item?.kind === 'shelter' || state.item?.kind === 'township';
  const stationItem = state.item?.kind === 'station';
  const leaves = (shelterItem && tab !== 'shelters') || (stationItem && tab !== 'gauges');
  return { ...state, tab, item: leaves ? null : state.item, supplies: DESK_HOME.supplies };
}

/**
 * A team from the list or the map; an open form stays open over it. A camera being watched gives way: its
 * viewer heads the panel, so the team's detail would open out of sight below it.
 */
export const selectTeam = (state: DeskState, id: string): DeskState => ({ ...state, item: { kind: 'team', id }, camera: null });

/** An incident opens on the 事件 tab, closing any form. */
export const selectIncident = (state: DeskState, id: string): DeskState => ({ ...withTab(state, 'incidents'), item: { kind: 'incident', id }, form: null });

/** A dispatch opens on the 调度 tab, closing any form. */
export const selectDispatch = (state: DeskState, id: string): DeskState => ({ ...withTab(state, 'dispatches'), item: { kind: 'dispatch', id }, form: null });

/** A county warning, or an alert received from another publisher, opens on the 预警 tab. */
export const selectWarning = (state: DeskState, id: string): DeskState => ({ ...withTab(state, 'warnings'), item: { kind: 'warning', id }, form: null });
export const selectAlert = (state: DeskState, id: string): DeskState => ({ ...withTab(state, 'warnings'), item: { kind: 'alert', id }, form: null });

export const selectShelter = (state: DeskState, id: string): DeskState => ({ ...withTab(state, 'shelters'), item: { kind: 'shelter', id } });
export const selectTownship = (state: DeskState, name: string): DeskState => ({ ...withTab(state, 'shelters'), item: { kind: 'township', id: name } });

/** A gauge, from the 监测 list, the map or a gauge alarm, opens on the 监测 tab. */
export const selectStation = (state: DeskState, id: string): DeskState => ({ ...withTab(state, 'gauges'), item: { kind: 'station', id } });

export const closeItem = (state: DeskState): DeskState => ({ ...state, item: null });
export const openCamera = (state: DeskState, id: string): DeskState => ({ ...state, camera: id });
export const closeCamera = (state: DeskState): DeskState => ({ ...state, camera: null });

/** One form at a time: opening one replaces any other. */
export const openForm = (state: DeskState, form: DeskForm): DeskState => ({ ...state, form });
export const closeForm = (state: DeskState): DeskState => ({ ...state, form: null });

export const withSupplies = (state: DeskState, supplies: Partial<DeskState['supplies']>): DeskState => ({ ...state, supplies: { ...state.supplies, ...supplies } });
