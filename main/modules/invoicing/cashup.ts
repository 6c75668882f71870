import type { Page } from '../../../preload/contract/common'
import type { CashupMethodTotal, CashupSummary } from '../../../preload/contract/invoicing'
import { cashups } from '../../db/schema'
import type { DocumentStore } from '../../documents/documentStore'
import { renderZReportPdf } from '../../documents/zReportPdf'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'
import { dayRangeUtc } from '../billing/dayBounds'
import type { HarbourArea } from '../harbour/harbourArea'
import { methodLabels } from './counterPayments'

export const cashupEntity: EntityDef<typeof cashups> = {
  name: 'cashup',
  table: cashups,
  synced: true,
  versioned: false,
}

type CashupRow = typeof cashups.$inferSelect

/** The day's takings of this desk by method, net of the reversals made that day. */
export function summarise(rows: { method: string; amountMinor: number; reversesId: string | null }[]) {
  const byMethod: Record<string, CashupMethodTotal> = {}
  for (const r of rows) {
    byMethod[r.method] ??= { count: 0, amountMinor: 0 }
    const m = byMethod[r.method]!
    // A reversal takes its amount off and cancels one payment of the count.
    m.count += r.reversesId ? -1 : 1
    m.amountMinor += r.amountMinor
  }
  const totalMinor = Object.values(byMethod).reduce((s, m) => s + m.amountMinor, 0)
  return { byMethod, totalMinor, expectedCashMinor: byMethod.cash?.amountMinor ?? 0 }
}

/**
 * Cash-up (clôture de caisse) of a desk for a day: the payments by method, the cash counted, the
 * difference, the Z-report PDF kept with it. Once closed, the day's payments are locked (see
 * BillingService.dayClosed).
 */
export class CashupService {
  constructor(
    private readonly deps: {
      repo: Repository
      documents: DocumentStore
      harbour: Pick<HarbourArea, 'issuer'>
      timeZone: string
      today: () => string
    },
  ) {}

  private dayPayments(day: string) {
    const { from, to } = dayRangeUtc(day, this.deps.timeZone)
    return this.deps.repo.sqlite
      .prepare(
        `SELECT method, amount_minor AS amountMinor, reverses_id AS reversesId, currency FROM payments
         WHERE desk_id = ? AND received_at >= ? AND received_at < ?`,
      )
      .all(this.deps.repo.deskId, from, to) as {
      method: string
      amountMinor: number
      reversesId: string | null
      currency: string
    }[]
  }

  private closedRow(day: string): CashupRow | undefined {
    return this.deps.repo.sqlite
      .prepare(
        `SELECT id, desk_id AS deskId, day, currency, by_method AS byMethod, expected_cash_minor AS expectedCashMinor,
           counted_cash_minor AS countedCashMinor, difference_minor AS differenceMinor, note, staff_id AS staffId,
           created_at AS createdAt FROM cashups WHERE desk_id = ? AND day = ?`,
      )
      .get(this.deps.repo.deskId, day) as CashupRow | undefined
  }

  day(day = this.deps.today()): CashupSummary {
    const closed = this.closedRow(day)
    if (closed) return this.view(closed)
    const summary = summarise(this.dayPayments(day))
    return {
      deskId: this.deps.repo.deskId,
      day,
      currency: this.deps.harbour.issuer().currency,
      ...summary,
      closed: null,
    }
  }

  async close(actor: Actor, input: { day: string; countedCash: number; note?: string | undefined }) {
    if (input.day > this.deps.today()) throw AppError.field('day', 'validation.dayInFuture')
    if (this.closedRow(input.day)) throw AppError.field('day', 'validation.dayAlreadyClosed')
    const issuer = this.deps.harbour.issuer()
    for (let attempt = 0; attempt < 20; attempt++) {
      const rows = this.dayPayments(input.day)
      const summary = summarise(rows)
      const closedAt = this.deps.repo.nowIso()
      const difference = input.countedCash - summary.expectedCashMinor
      const pdf = await renderZReportPdf({
        issuer,
        deskId: this.deps.repo.deskId,
        day: input.day,
        closedAt,
        timeZone: this.deps.timeZone,
        staffName: null,
        currency: issuer.currency,
        methods: Object.entries(summary.byMethod).map(([method, m]) => ({
          label: methodLabels[method] ?? method,
          ...m,
        })),
        totalMinor: summary.totalMinor,
        expectedCashMinor: summary.expectedCashMinor,
        countedCashMinor: input.countedCash,
        differenceMinor: difference,
        note: input.note || null,
      })
      const row = this.deps.repo.write(actor, 'cashup.close', (unit) => {
        if (this.closedRow(input.day)) throw AppError.field('day', 'validation.dayAlreadyClosed')
        // A payment taken while the report was rendering: count again, print again.
        if (this.dayPayments(input.day).length !== rows.length) return null
        const row = unit.append(cashupEntity, {
          id: this.deps.repo.newId(),
          deskId: this.deps.repo.deskId,
          day: input.day,
          currency: issuer.currency,
          byMethod: JSON.stringify(summary.byMethod),
          expectedCashMinor: summary.expectedCashMinor,
          countedCashMinor: input.countedCash,
          differenceMinor: difference,
          note: input.note || null,
          staffId: actor.staffId,
          createdAt: unit.now,
        })
        this.deps.documents.keep(unit, {
          kind: 'z_report_pdf',
          ownerEntity: 'cashup',
          ownerId: row.id,
          fileName: `rapport-z-${this.deps.repo.deskId}-${input.day}.pdf`,
          mimeType: 'application/pdf',
          bytes: pdf.bytes,
        })
        return row
      })
      if (row) return this.view(row)
    }
    throw new AppError('CONFLICT')
  }

  list(input: { cursor?: string | undefined; limit: number }): Page<CashupSummary> {
    if (input.cursor && !/^\d{4}-\d{2}-\d{2}$/.test(input.cursor))
      throw AppError.field('cursor', 'validation.cursor')
    const rows = this.deps.repo.sqlite
      .prepare(
        `SELECT id, desk_id AS deskId, day, currency, by_method AS byMethod, expected_cash_minor AS expectedCashMinor,
           counted_cash_minor AS countedCashMinor, difference_minor AS differenceMinor, note, staff_id AS staffId,
           created_at AS createdAt FROM cashups WHERE desk_id = ? AND day < ? ORDER BY day DESC LIMIT ?`,
      )
      .all(this.deps.repo.deskId, input.cursor ?? '9999-12-31', input.limit + 1) as CashupRow[]
    const page = rows.slice(0, input.limit)
    return {
      items: page.map((r) => this.view(r)),
      nextCursor: rows.length > input.limit ? page[page.length - 1]!.day : null,
    }
  }

  zReport(id: string) {
    const doc = this.deps.documents.list('cashup', id, 'z_report_pdf')[0]
    if (!doc) throw new AppError('NOT_FOUND', { entity: 'cashup', id })
    return this.deps.documents.download(doc.id)
  }

  private view(row: CashupRow): CashupSummary {
    const byMethod = JSON.parse(row.byMethod) as Record<string, CashupMethodTotal>
    const totalMinor = Object.values(byMethod).reduce((s, m) => s + m.amountMinor, 0)
    return {
      deskId: row.deskId,
      day: row.day,
      currency: row.currency,
      byMethod,
      expectedCashMinor: row.expectedCashMinor,
      totalMinor,
      closed: {
        id: row.id,
        countedCashMinor: row.countedCashMinor,
        differenceMinor: row.differenceMinor,
        note: row.note,
        staffId: row.staffId,
        createdAt: row.createdAt,
        zReportDocumentId: this.deps.documents.list('cashup', row.id, 'z_report_pdf')[0]?.id ?? null,
      },
    }
  }
}
