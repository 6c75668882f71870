import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Issued documents kept byte for byte (signed contracts, invoice and receipt PDFs, Z-reports,
 * uploaded proofs and attachments), with their SHA-256 so they can be re-served identical.
 * Immutable: never updated, never deleted. Desk-local (bytes are not sent through sync).
 */
export const storedDocuments = sqliteTable(
  'stored_documents',
  {
    id: text('id').primaryKey(),
    /** What it is: `contract_signed`, `invoice_pdf`, `receipt_pdf`, `ticket_attachment`… */
    kind: text('kind').notNull(),
    /** The record it belongs to: entity name and id (`contract`, `01J…`). */
    ownerEntity: text('owner_entity').notNull(),
    ownerId: text('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('stored_documents_owner_idx').on(t.ownerEntity, t.ownerId, t.kind)],
)
