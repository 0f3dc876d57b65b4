import { sql, type Kysely } from 'kysely';

/**
 * A drill's figures of its own: a shelter counts the drill's check-ins apart from the real ones
 * (`drill_occupancy`; a drill's shelter held them in `occupancy` until now), and a township's 投亲靠友 count is
 * kept once for real and once for drills (`exercise` joins the key), so neither overwrites the other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shelters').addColumn('drill_occupancy', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update shelters set drill_occupancy = occupancy, occupancy = 0 where exercise = 1`.execute(db);

  await db.schema
    .createTable('township_evacuations_by_kind')
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('exercise', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('with_relatives', 'integer', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('township_evacuations_kind_pk', ['township', 'exercise'])
    .execute();
  await sql`insert into township_evacuations_by_kind (township, exercise, with_relatives, reported_at, reported_by) select township, 0, with_relatives, reported_at, reported_by from township_evacuations`.execute(db);
  await db.schema.dropTable('township_evacuations').execute();
  await db.schema.alterTable('township_evacuations_by_kind').renameTo('township_evacuations').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('township_evacuations_real')
    .addColumn('township', 'text', (c) => c.primaryKey())
    .addColumn('with_relatives', 'integer', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into township_evacuations_real (township, with_relatives, reported_at, reported_by) select township, with_relatives, reported_at, reported_by from township_evacuations where exercise = 0`.execute(db);
  await db.schema.dropTable('township_evacuations').execute();
  await db.schema.alterTable('township_evacuations_real').renameTo('township_evacuations').execute();
  await sql`update shelters set occupancy = drill_occupancy where exercise = 1`.execute(db);
  await db.schema.alterTable('shelters').dropColumn('drill_occupancy').execute();
}
