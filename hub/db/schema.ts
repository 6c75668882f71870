import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'

/** Enrolled desks. The credential's secret is kept as a SHA-256 hash only. */
export const desks = pgTable('desks', {
  id: text('id').primaryKey(),
  site: text('site').notNull(),
  credentialHash: text('credential_hash'),
  enrolledAt: timestamp('enrolled_at', { withTimezone: true, mode: 'string' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
})

/** One-time codes an administrator hands to a desk; stored hashed, usable once, until they expire. */
export const enrolmentCodes = pgTable('enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  deskId: text('desk_id').notNull(),
  site: text('site').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
})

/**
 * Every operation received, by op id: recorded in the same transaction as its effects, so that a
 * retried push finds it and answers `duplicate` with the stored outcome instead of applying twice.
 */
export const ops = pgTable(
  'ops',
  {
    opId: text('op_id').primaryKey(),
    deskId: text('desk_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    kind: text('kind').notNull(),
    hlc: text('hlc').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    outcome: jsonb('outcome').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('ops_desk_seq_idx').on(t.deskId, t.seq)],
)

/** The merged state of every synced record: its fields, each field's clock, and its last desk. */
export const entities = pgTable(
  'entities',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    fields: jsonb('fields').notNull(),
    clocks: jsonb('clocks').notNull(),
    /** Desk that last wrote each field (for conflict records). */
    writers: jsonb('writers').notNull(),
    version: text('version').notNull(),
    deleted: boolean('deleted').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId] })],
)

/** The change feed desks pull from, in hub order. */
export const changes = pgTable(
  'changes',
  {
    hubSeq: bigserial('hub_seq', { mode: 'number' }).primaryKey(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    kind: text('kind').notNull(),
    fields: jsonb('fields').notNull(),
    clocks: jsonb('clocks').notNull(),
    originDesk: text('origin_desk'),
    opId: text('op_id'),
    schemaVersion: integer('schema_version').notNull(),
  },
  (t) => [index('changes_entity_idx').on(t.entity, t.entityId)],
)

/**
 * Numbers of each desk's document series: a number is used once; a number allocated and not used
 * is an explicit void, so every gap in a series is explained.
 */
export const seriesNumbers = pgTable(
  'series_numbers',
  {
    series: text('series').notNull(),
    number: integer('number').notNull(),
    status: text('status', { enum: ['used', 'void'] }).notNull(),
    entityId: text('entity_id').notNull(),
    opId: text('op_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.number] })],
)

/**
 * One row each time a hub starts serving this database: a new feed epoch, with the highest change
 * number the feed had then (`floor`). Pull cursors are valid within their epoch; a cursor of an
 * older epoch beyond the current floor points into changes that are gone — the database was
 * restored from an older backup — and the desk pulls the feed again (hub/sync/feed.ts).
 */
export const feedEpochs = pgTable('feed_epochs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  epoch: text('epoch').notNull().unique(),
  floor: bigint('floor', { mode: 'number' }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
})

export * from './paymentsSchema'
