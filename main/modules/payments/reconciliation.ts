/**
 * Reconciliation: what Guichet recorded, totalled by day, method, gateway and desk, and the
 * gateway's settlement files compared with it (rules in reconciliationMatch.ts).
 */
import { createHash } from 'node:crypto'
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import type {
  ReconciliationGroup,
  ReconciliationSummary,
  SettlementImportResult,
  SettlementImportView,
  SettlementRow,
} from '../../../preload/contract/paymentsReconciliation'
import { payments, settlementImports } from '../../db/schema'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'
import { GATEWAY_OF_METHOD, parseSettlementCsv, reconcile } from './reconciliationMatch'

/** Kept on the desk that imported the file: the comparison is each supervisor's working check. */
export const settlementImportEntity: EntityDef<typeof settlementImports> = {
  name: 'settlement_import',
  table: settlementImports,
  synced: false,
  versioned: false,
}

/** Bounds one summary answer (a quarter of days × methods × desks fits easily). */
const MAX_GROUPS = 2000

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86400000).toISOString().slice(0, 10)
}

function shiftDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10)
}

export class Reconciliation {
  constructor(private readonly repo: Repository) {}

  /** Days are UTC calendar days of `received_at`, as stored. */
  summary(from: string, to: string): ReconciliationSummary {
    const dayExpr = sql<string>`substr(${payments.receivedAt}, 1, 10)`
    const rows = this.repo.db
      .select({
        day: dayExpr,
        method: payments.method,
        deskId: payments.deskId,
        currency: payments.currency,
        count: sql<number>`sum(case when ${payments.reversesId} is null then 1 else 0 end)`,
        reversals: sql<number>`sum(case when ${payments.reversesId} is null then 0 else 1 end)`,
        netMinor: sql<number>`sum(${payments.amountMinor})`,
      })
      .from(payments)
      .where(and(gte(payments.receivedAt, from), lt(payments.receivedAt, nextDay(to))))
      .groupBy(dayExpr, payments.method, payments.deskId, payments.currency)
      .orderBy(asc(dayExpr), asc(payments.method), asc(payments.deskId), asc(payments.currency))
      .limit(MAX_GROUPS + 1)
      .all()
    const groups: ReconciliationGroup[] = rows.slice(0, MAX_GROUPS).map((r) => ({
      day: r.day,
      method: r.method,
      gateway: GATEWAY_OF_METHOD[r.method] ?? null,
      deskId: r.deskId,
      currency: r.currency,
      count: Number(r.count),
      reversals: Number(r.reversals),
      netMinor: Number(r.netMinor),
    }))
    const totals = new Map<string, number>()
    for (const g of groups) totals.set(g.currency, (totals.get(g.currency) ?? 0) + g.netMinor)
    return {
      groups,
      totals: [...totals]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, netMinor]) => ({ currency, netMinor })),
      truncated: rows.length > MAX_GROUPS,
    }
  }

  importSettlement(actor: Actor, file: { fileName: string; base64: string }): SettlementImportResult {
    const bytes = Buffer.from(file.base64, 'base64')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const known = this.repo.db
      .select()
      .from(settlementImports)
      .where(eq(settlementImports.sha256, sha256))
      .get()
    if (known) return this.compare('alreadyImported', known, JSON.parse(known.rows) as SettlementRow[])
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
    if (text.includes('\uFFFD')) {
      return { status: 'invalid', errors: [{ line: 1, column: '', code: 'encoding', value: '' }] }
    }
    const parsed = parseSettlementCsv(text)
    if (!parsed.ok) return { status: 'invalid', errors: parsed.errors }
    const dates = parsed.rows.map((r) => r.date).sort()
    const stored = this.repo.write(actor, 'payments.settlementImport', (unit) =>
      unit.insert(settlementImportEntity, {
        id: this.repo.newId(),
        sha256,
        fileName: file.fileName,
        rowCount: parsed.rows.length,
        rows: JSON.stringify(parsed.rows),
        dateFrom: dates[0]!,
        dateTo: dates[dates.length - 1]!,
        deskId: this.repo.deskId,
        staffId: actor.staffId,
        createdAt: unit.now,
      }),
    )
    return this.compare('imported', stored, parsed.rows)
  }

  /** Compared again on each call: a payment recorded since the import changes the answer. */
  private compare(
    status: 'imported' | 'alreadyImported',
    stored: typeof settlementImports.$inferSelect,
    rows: SettlementRow[],
  ): SettlementImportResult {
    const methods = Object.keys(GATEWAY_OF_METHOD)
    // A week either side catches payments booked on another day than the bank's.
    const candidates = this.repo.db
      .select({
        id: payments.id,
        method: payments.method,
        amountMinor: payments.amountMinor,
        currency: payments.currency,
        receivedAt: payments.receivedAt,
        reference: payments.reference,
      })
      .from(payments)
      .where(
        and(
          inArray(payments.method, methods),
          gte(payments.receivedAt, shiftDays(stored.dateFrom, -7)),
          lt(payments.receivedAt, shiftDays(stored.dateTo, 8)),
        ),
      )
      .all()
    const { differences, totals, matched } = reconcile(rows, candidates)
    const fees = new Map<string, number>()
    for (const r of rows) fees.set(r.currency, (fees.get(r.currency) ?? 0) + r.feeMinor)
    const view: SettlementImportView = {
      id: stored.id,
      sha256: stored.sha256,
      fileName: stored.fileName,
      rowCount: stored.rowCount,
      dateFrom: stored.dateFrom,
      dateTo: stored.dateTo,
      staffId: stored.staffId,
      deskId: stored.deskId,
      createdAt: stored.createdAt,
    }
    return {
      status,
      import: view,
      matched,
      feesMinor: [...fees].map(([currency, feeMinor]) => ({ currency, feeMinor })),
      differences,
      totals,
    }
  }
}
