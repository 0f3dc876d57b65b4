import type { CreateTableBuilder, Kysely } from 'kysely';

// Incidents with reporting deadlines, shelters, the supplies ledger and the duty watch.
// Portable across SQLite and PostgreSQL: quantities are integers, instants ISO text, JSON text.
type Table = CreateTableBuilder<string, string>;
const text = (t: Table, ...names: string[]) => names.reduce((acc, n) => acc.addColumn(n, 'text', (c) => c.notNull()), t);
const nullableText = (t: Table, ...names: string[]) => names.reduce((acc, n) => acc.addColumn(n, 'text'), t);
const int = (t: Table, ...names: string[]) => names.reduce((acc, n) => acc.addColumn(n, 'integer', (c) => c.notNull()), t);

export async function up(db: Kysely<unknown>): Promise<void> {
  const create = (name: string): Table => db.schema.createTable(name);

  let incidents = create('incidents').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('code', 'text', (c) => c.notNull().unique());
  incidents = text(incidents, 'title', 'type', 'severity', 'source', 'status', 'place', 'account', 'caller', 'reported_at', 'updated_at');
  incidents = incidents.addColumn('lat', 'double precision').addColumn('lon', 'double precision');
  incidents = nullableText(incidents, 'township', 'team_id', 'closed_at');
  await int(incidents, 'affected', 'trapped', 'injured', 'dead').execute();
  await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'reported_at']).execute();

  let deadlines = create('incident_deadlines').addColumn('id', 'text', (c) => c.primaryKey());
  deadlines = text(deadlines, 'incident_id', 'kind', 'severity', 'started_at', 'due_at', 'state');
  await nullableText(deadlines, 'done_at', 'done_by', 'recipient', 'recorded_by').execute();
  await db.schema.createIndex('incident_deadlines_state').on('incident_deadlines').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('incident_deadlines_incident').on('incident_deadlines').column('incident_id').execute();

  const timeline = text(create('incident_timeline').addColumn('id', 'text', (c) => c.primaryKey()), 'incident_id', 'at', 'kind', 'text', 'params', 'author');
  await int(timeline, 'position').execute();
  await db.schema.createIndex('incident_timeline_incident').on('incident_timeline').columns(['incident_id', 'position']).execute();

  const attachments = text(create('incident_attachments').addColumn('id', 'text', (c) => c.primaryKey()), 'incident_id', 'sha256', 'mime', 'caption', 'added_at', 'added_by');
  await int(attachments, 'bytes').execute();
  await db.schema.createIndex('incident_attachments_incident').on('incident_attachments').column('incident_id').execute();

  let shelters = create('shelters').addColumn('id', 'text', (c) => c.primaryKey());
  shelters = text(shelters, 'name', 'level', 'township', 'address', 'facilities', 'contact_name', 'contact_phone', 'status', 'updated_at');
  shelters = shelters.addColumn('lat', 'double precision', (c) => c.notNull()).addColumn('lon', 'double precision', (c) => c.notNull());
  await int(shelters, 'capacity', 'occupancy').execute();

  const movements = text(create('shelter_movements').addColumn('id', 'text', (c) => c.primaryKey()), 'shelter_id', 'kind', 'at', 'note', 'actor_name');
  await int(movements, 'people').execute();
  await db.schema.createIndex('shelter_movements_shelter').on('shelter_movements').columns(['shelter_id', 'at']).execute();

  const evacuations = text(create('township_evacuations').addColumn('township', 'text', (c) => c.primaryKey()), 'reported_at', 'reported_by');
  await int(evacuations, 'with_relatives').execute();

  let depots = create('depots').addColumn('id', 'text', (c) => c.primaryKey());
  depots = text(depots, 'name', 'tier', 'address', 'manager', 'phone', 'updated_at').addColumn('township', 'text');
  await depots.addColumn('lat', 'double precision', (c) => c.notNull()).addColumn('lon', 'double precision', (c) => c.notNull()).execute();

  const items = text(create('supply_items').addColumn('id', 'text', (c) => c.primaryKey()), 'name', 'category', 'unit', 'updated_at');
  await int(items, 'key_item').execute();

  const stock = text(create('stock_levels').addColumn('depot_id', 'text', (c) => c.notNull().references('depots.id')).addColumn('item_id', 'text', (c) => c.notNull().references('supply_items.id')), 'updated_at');
  await int(stock, 'on_hand', 'reserved', 'min_level').addPrimaryKeyConstraint('stock_levels_pk', ['depot_id', 'item_id']).execute();

  const shelterSupplies = create('shelter_supplies').addColumn('shelter_id', 'text', (c) => c.notNull().references('shelters.id')).addColumn('item_id', 'text', (c) => c.notNull().references('supply_items.id'));
  await int(shelterSupplies, 'quantity').addPrimaryKeyConstraint('shelter_supplies_pk', ['shelter_id', 'item_id']).execute();

  let ledger = create('supply_ledger').addColumn('id', 'text', (c) => c.primaryKey());
  ledger = text(ledger, 'at', 'kind', 'item_id', 'reason', 'actor_id', 'actor_name');
  ledger = nullableText(ledger, 'depot_id', 'shelter_id', 'incident_id', 'run_id');
  await int(ledger, 'quantity', 'reserved_delta').execute();
  await db.schema.createIndex('supply_ledger_depot_item').on('supply_ledger').columns(['depot_id', 'item_id', 'at']).execute();
  await db.schema.createIndex('supply_ledger_run').on('supply_ledger').column('run_id').execute();

  let runs = create('supply_runs').addColumn('id', 'text', (c) => c.primaryKey());
  runs = text(runs, 'from_depot_id', 'destination_type', 'destination_id', 'status', 'reason', 'vehicle', 'requested_at', 'allocated_at', 'created_by', 'updated_at');
  await nullableText(runs, 'dispatch_id', 'departed_at', 'eta', 'arrived_at', 'cancelled_at').execute();
  await db.schema.createIndex('supply_runs_status').on('supply_runs').column('status').execute();

  const runLines = create('supply_run_lines').addColumn('run_id', 'text', (c) => c.notNull().references('supply_runs.id')).addColumn('item_id', 'text', (c) => c.notNull());
  await int(runLines, 'quantity').addPrimaryKeyConstraint('supply_run_lines_pk', ['run_id', 'item_id']).execute();

  await text(create('duty_shifts').addColumn('id', 'text', (c) => c.primaryKey()), 'starts_at', 'ends_at', 'leader_user_id', 'officer_user_ids', 'note', 'updated_at').execute();
  await db.schema.createIndex('duty_shifts_time').on('duty_shifts').columns(['starts_at', 'ends_at']).execute();

  const handovers = text(create('duty_handovers').addColumn('id', 'text', (c) => c.primaryKey()), 'from_shift_id', 'to_shift_id', 'note', 'open_incidents', 'written_by', 'written_at');
  await nullableText(handovers, 'acknowledged_by', 'acknowledged_at').execute();

  const log = text(create('duty_log').addColumn('id', 'text', (c) => c.primaryKey()), 'at', 'kind', 'summary', 'counterpart', 'phone', 'actor_id', 'actor_name');
  await nullableText(log, 'incident_id', 'shift_id').execute();
  await db.schema.createIndex('duty_log_at').on('duty_log').column('at').execute();
}

const TABLES = [
  'duty_log', 'duty_handovers', 'duty_shifts', 'supply_run_lines', 'supply_runs', 'supply_ledger', 'shelter_supplies', 'stock_levels',
  'supply_items', 'depots', 'township_evacuations', 'shelter_movements', 'shelters', 'incident_attachments', 'incident_timeline',
  'incident_deadlines', 'incidents',
];

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.dropTable(table).execute();
}
