import { and, asc, eq } from 'drizzle-orm'
import { ulid } from 'ulid'
import type { FileDownload } from '../../preload/contract/common'
import { storedDocuments } from '../db/schema'
import { AppError } from '../ipc/appError'
import type { EntityDef } from '../repo/entities'
import type { Repository, UnitOfWork } from '../repo/repository'
import { sha256Hex } from './pdf'

export const storedDocumentEntity: EntityDef<typeof storedDocuments> = {
  name: 'stored_document',
  table: storedDocuments,
  synced: false,
  versioned: false,
  // The audit log says which document was kept and its hash, not its bytes.
  redactedFields: ['bytes'],
}

export interface NewStoredDocument {
  kind: string
  ownerEntity: string
  ownerId: string
  fileName: string
  mimeType: string
  bytes: Uint8Array
}

export interface StoredDocumentInfo {
  id: string
  kind: string
  ownerEntity: string
  ownerId: string
  fileName: string
  mimeType: string
  sha256: string
  sizeBytes: number
  createdAt: string
}

/** The archive of issued documents and uploaded files (see schema/documents.ts). */
export class DocumentStore {
  constructor(private readonly repo: Repository) {}

  /** Keeps a document inside the caller's write, so it exists if and only if its record does. */
  keep(unit: UnitOfWork, doc: NewStoredDocument): StoredDocumentInfo {
    const bytes = Buffer.from(doc.bytes)
    const row = unit.append(storedDocumentEntity, {
      id: ulid(),
      kind: doc.kind,
      ownerEntity: doc.ownerEntity,
      ownerId: doc.ownerId,
      fileName: doc.fileName,
      mimeType: doc.mimeType,
      sha256: sha256Hex(bytes),
      sizeBytes: bytes.length,
      bytes,
      deskId: unit.actor.deskId,
      staffId: unit.actor.staffId,
      createdAt: unit.now,
    })
    return info(row)
  }

  list(ownerEntity: string, ownerId: string, kind?: string): StoredDocumentInfo[] {
    const rows = this.repo.db
      .select()
      .from(storedDocuments)
      .where(
        and(
          eq(storedDocuments.ownerEntity, ownerEntity),
          eq(storedDocuments.ownerId, ownerId),
          ...(kind ? [eq(storedDocuments.kind, kind)] : []),
        ),
      )
      .orderBy(asc(storedDocuments.createdAt), asc(storedDocuments.id))
      .all()
    return rows.map(info)
  }

  /** The stored bytes, checked against their hash before they leave (NOT_FOUND if unknown). */
  download(id: string): FileDownload {
    const row = this.repo.db.select().from(storedDocuments).where(eq(storedDocuments.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND')
    if (sha256Hex(row.bytes) !== row.sha256)
      throw new AppError('INTERNAL', undefined, 'stored document corrupted')
    return {
      fileName: row.fileName,
      mimeType: row.mimeType,
      base64: row.bytes.toString('base64'),
      sha256: row.sha256,
    }
  }
}

function info(row: typeof storedDocuments.$inferSelect): StoredDocumentInfo {
  const { bytes: _bytes, deskId: _desk, staffId: _staff, ...rest } = row
  return rest
}
