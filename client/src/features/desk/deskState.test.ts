import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPLIES_VIEWS } from '../supplies/suppliesViews';
import {
  DESK_HOME,
  DESK_ITEM_KINDS,
  closeForm,
  deskLocation,
  deskStateFrom,
  openCamera,
  openForm,
  selectDispatch,
  selectIncident,
  selectShelter,
  selectStation,
  selectTeam,
  selectWarning,
  withSupplies,
  withTab,
  type DeskLocation,
  type DeskState,
} from './deskState';
import { DESK_TABS } from './deskTabs';

/** Reads a location back the way the router hands it to the desk: the path segment after /desk, and the query. */
const read = (location: DeskLocation): DeskState => deskStateFrom(location.path.split('/')[2], location.query);
const href = (state: DeskState): string => {
  const { path, query } = deskLocation(state);
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

const id = fc.string({ minLength: 1, maxLength: 12 });
const state: fc.Arbitrary<DeskState> = fc
  .record({
    tab: fc.constantFrom(...DESK_TABS),
    item: fc.option(fc.record({ kind: fc.constantFrom(...DESK_ITEM_KINDS), id })),
    camera: fc.option(id),
    form: fc.option(
      fc.oneof(
        fc.constant({ kind: 'new-incident' as const }),
        fc.constant({ kind: 'edit-warning' as const }),
        fc.record({ kind: fc.constant('new-dispatch' as const), incidentId: fc.option(id) }),
        fc.record({ kind: fc.constant('new-warning' as const), replacesId: fc.option(id) }),
      ),
    ),
    supplies: fc.record({ view: fc.constantFrom(...SUPPLIES_VIEWS), depot: fc.option(id) }),
  })
  // The 物资 view and depot are the tab's own: on other tabs they are the defaults.
  .map((s) => (s.tab === 'supplies' ? s : { ...s, supplies: DESK_HOME.supplies }));

describe('desk state in the URL', () => {
  it('leaves the empty desk at /desk, as the role home page is', () => {
    expect(href(DESK_HOME)).toBe('/desk');
    expect(read({ path: '/desk', query: {} })).toEqual(DESK_HOME);
  });

  it('names the tab in the path and the item, camera and form in the query', () => {
    const detail = selectIncident(DESK_HOME, 'INC-7');
    expect(href(detail)).toBe('/desk/incidents?incident=INC-7');
    expect(href(openForm(detail, { kind: 'new-dispatch', incidentId: 'INC-7' }))).toBe('/desk/incidents?incident=INC-7&form=new-dispatch&for=INC-7');
    expect(href({ ...selectTeam(DESK_HOME, 'T 1'), camera: 'cam-2' })).toBe('/desk?team=T+1&camera=cam-2');
    // A warning (a link sent to the commander), and the update of it being drafted.
    const warning = selectWarning(DESK_HOME, 'W-1');
    expect(href(warning)).toBe('/desk/warnings?warning=W-1');
    expect(href(openForm(warning, { kind: 'new-warning', replacesId: 'W-1' }))).toBe('/desk/warnings?warning=W-1&form=new-warning&for=W-1');
    expect(href(withSupplies(withTab(DESK_HOME, 'supplies'), { view: 'movement', depot: 'D1' }))).toBe('/desk/supplies?view=movement&depot=D1');
  });

  it('reads back every state it writes', () => {
    fc.assert(fc.property(state, (s) => {
        expect(read(deskLocation(s))).toEqual(s);
      }));
  });

  it('reads any URL as some desk state, whose own URL reads back the same (so a tidied URL stays put)', () => {
    const junk = fc.oneof(fc.string(), fc.constant(null), fc.array(fc.oneof(fc.string(), fc.constant(null)), { maxLength: 3 }));
    const query = fc.dictionary(fc.constantFrom('team', 'dispatch', 'incident', 'shelter', 'township', 'camera', 'form', 'for', 'view', 'depot', 'other'), junk);
    fc.assert(
      fc.property(fc.option(fc.oneof(fc.constantFrom(...DESK_TABS), fc.string())), query, (tab, q) => {
        const once = deskLocation(deskStateFrom(tab ?? undefined, q));
        expect(deskLocation(read(once))).toEqual(once);
      }),
    );
  });

  it('reads an unknown tab, form or view as the default, and the first item key of several', () => {
    const s = deskStateFrom('nowhere', { form: 'launch', view: 'stock', incident: ['', 'INC-1', 'INC-2'], team: 'T1' });
    expect(s).toEqual({ ...DESK_HOME, item: { kind: 'team', id: 'T1' } });
    expect(deskStateFrom('supplies', { view: 'sideways' }).supplies.view).toBe('stock');
    expect(deskStateFrom('incidents', { incident: ['', 'INC-1', 'INC-2'] }).item).toEqual({ kind: 'incident', id: 'INC-1' });
  });
});

describe('desk actions', () => {
  it('opens an incident or a dispatch on its own tab and closes any open form', () => {
    const drafting = openForm(selectTeam(DESK_HOME, 'T1'), { kind: 'new-incident' });
    expect(selectIncident(drafting, 'INC-1')).toMatchObject({ tab: 'incidents', item: { kind: 'incident', id: 'INC-1' }, form: null });
    expect(selectDispatch(drafting, 'D-1')).toMatchObject({ tab: 'dispatches', item: { kind: 'dispatch', id: 'D-1' }, form: null });
  });

  it('switches the panel to a team picked while a camera is being watched', () => {
    const watching = openCamera(selectIncident(DESK_HOME, 'INC-1'), 'cam-2');
    expect(selectTeam(watching, 'T1')).toMatchObject({ item: { kind: 'team', id: 'T1' }, camera: null });
  });

  it('keeps a form open over a team picked on the map, and shows what was open again when it closes', () => {
    const detail = selectIncident(DESK_HOME, 'INC-1');
    const drafting = openForm(detail, { kind: 'new-dispatch', incidentId: 'INC-1' });
    expect(selectTeam(drafting, 'T1').form).toEqual({ kind: 'new-dispatch', incidentId: 'INC-1' });
    expect(closeForm(drafting)).toEqual(detail);
  });

  it('leaves a shelter behind on the 安置 tab, but keeps a team or an incident open across tabs', () => {
    expect(withTab(selectShelter(DESK_HOME, 'S1'), 'teams').item).toBeNull();
    expect(withTab(selectIncident(DESK_HOME, 'INC-1'), 'teams').item).toEqual({ kind: 'incident', id: 'INC-1' });
    expect(withTab(withSupplies(withTab(DESK_HOME, 'supplies'), { view: 'runs' }), 'duty').supplies).toEqual(DESK_HOME.supplies);
  });

  it('opens a gauge on the 监测 tab, in the URL, and leaves it there when the desk turns to another tab', () => {
    const open = selectStation(withTab(DESK_HOME, 'teams'), 'station-1');
    expect(href(open)).toBe('/desk/gauges?station=station-1');
    expect(read(deskLocation(open))).toEqual(open);
    expect(withTab(open, 'incidents').item).toBeNull();
  });
});
