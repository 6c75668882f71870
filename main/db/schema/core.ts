import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Desk settings: local to this desk, never synced. */
export const settings = sqliteTable('settings', {
  /** The setting's key, e.g. `lockAfterMinutes`. */
  id: text('id').primaryKey(),
  value: text('value').notNull(),
})

/**
 * Staff who may log in at this desk. Passwords are scrypt hashes in the
 * `scrypt$N$r$p$salt$hash` format (see main/modules/auth/passwords.ts).
 */
export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['counter', 'agent', 'supervisor', 'admin'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
})

/** Who changed what, from which desk, when: one row per write, in the write's transaction. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    staffId: text('staff_id'),
    deskId: text('desk_id').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId, t.id)],
)

/**
 * Operations waiting to be pushed to the hub. `seq` is the per-desk sequence number; `op_id` is
 * the idempotency key the hub records with the operation's effects so a retry never applies twice.
 * Acknowledged operations are archived (state = 'acked'), never deleted, so that a hub restored
 * from an older backup can be brought up to date by re-sending.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    opId: text('op_id').notNull().unique(),
    deskId: text('desk_id').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    kind: text('kind', { enum: ['create', 'update', 'delete', 'append'] }).notNull(),
    /** JSON object: field -> new value (all fields for create/append, changed ones for update). */
    fields: text('fields').notNull(),
    /** JSON object: field -> clock of the value this change replaced (null when there was none). */
    base: text('base').notNull(),
    hlc: text('hlc').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
    state: text('state', { enum: ['pending', 'acked', 'rejected'] })
      .notNull()
      .default('pending'),
    ackedAt: text('acked_at'),
    result: text('result'),
  },
  (t) => [index('outbox_state_idx').on(t.state, t.seq), index('outbox_entity_idx').on(t.entity, t.entityId)],
)

/** Single-row state of this desk's hybrid logical clock, so it never goes back after a restart. */
export const clockState = sqliteTable('clock_state', {
  id: integer('id').primaryKey(),
  last: text('last').notNull(),
})
