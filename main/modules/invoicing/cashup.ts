import type { Page } from '../../../preload/contract/common'
import type {
  CashupMethodTotal,
  CashupOtherCurrency,
  CashupSummary,
} from '../../../preload/contract/invoicing'
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

/** The line of the cash-up for customer credits refunded in cash: money out of the till. */
export const CASH_REFUND = 'cash_refund'

/**
 * The day's takings of this desk by method, net of the reversals made that day, and the customer
 * credits refunded in cash that day (a negative `cash_refund` line): the cash expected in the till
 * is the cash received minus the cash handed back.
 *
 * The cash-up is the one of the desk's `currency`: only payments and refunds in that currency are
 * counted. Those in any other currency are never added to it: they come back apart, one entry per
 * currency (net amount, number of operations), to be handed over separately.
 */
export function summarise(
  currency: string,
  rows: { method: string; amountMinor: number; reversesId: string | null; currency: string }[],
  cashRefunds: { amountMinor: number; currency: string }[] = [],
) {
  const byMethod: Record<string, CashupMethodTotal> = {}
  const others = new Map<string, CashupOtherCurrency>()
  const other = (code: string) => {
    const known = others.get(code)
    if (known) return known
    const o = { currency: code, totalMinor: 0, count: 0 }
    others.set(code, o)
    return o
  }
  for (const r of rows) {
    // A reversal takes its amount off and cancels one payment of the count.
    const count = r.reversesId ? -1 : 1
    if (r.currency !== currency) {
      const o = other(r.currency)
      o.count += count
      o.totalMinor += r.amountMinor
      continue
    }
    byMethod[r.method] ??= { count: 0, amountMinor: 0 }
    const m = byMethod[r.method]!
    m.count += count
    m.amountMinor += r.amountMinor
  }
  const refunds = cashRefunds.filter((r) => r.currency === currency)
  for (const r of cashRefunds) {
    if (r.currency === currency) continue
    const o = other(r.currency)
    o.count += 1
    o.totalMinor -= r.amountMinor
  }
  if (refunds.length > 0) {
    byMethod[CASH_REFUND] = {
      count: refunds.length,
      amountMinor: -refunds.reduce((s, r) => s + r.amountMinor, 0),
    }
  }
  const totalMinor = Object.values(byMethod).reduce((s, m) => s + m.amountMinor, 0)
  const expectedCashMinor = (byMethod.cash?.amountMinor ?? 0) + (byMethod[CASH_REFUND]?.amountMinor ?? 0)
  const otherCurrencies = [...others.values()]
    .filter((o) => o.count !== 0 || o.totalMinor !== 0)
    .sort((a, b) => a.currency.localeCompare(b.currency))
  return { byMethod, totalMinor, expectedCashMinor, otherCurrencies }
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

  /** Customer credits this desk refunded in cash during the day (see payments/credits.ts). */
  private dayCashRefunds(day: string) {
    const { from, to } = dayRangeUtc(day, this.deps.timeZone)
    return this.deps.repo.sqlite
      .prepare(
        `SELECT amount_minor AS amountMinor, currency FROM customer_credit_refunds
         WHERE desk_id = ? AND method = 'cash' AND created_at >= ? AND created_at < ?`,
      )
      .all(this.deps.repo.deskId, from, to) as { amountMinor: number; currency: string }[]
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
    const currency = this.deps.harbour.issuer().currency
    const summary = summarise(currency, this.dayPayments(day), this.dayCashRefunds(day))
    return {
      deskId: this.deps.repo.deskId,
      day,
      currency,
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
      const refunds = this.dayCashRefunds(input.day)
      const summary = summarise(issuer.currency, rows, refunds)
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
        otherCurrencies: summary.otherCurrencies,
      })
      const row = this.deps.repo.write(actor, 'cashup.close', (unit) => {
        if (this.closedRow(input.day)) throw AppError.field('day', 'validation.dayAlreadyClosed')
        // A payment taken (or cash refunded) while the report was rendering: count again, print again.
        if (
          this.dayPayments(input.day).length !== rows.length ||
          this.dayCashRefunds(input.day).length !== refunds.length
        )
          return null
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
    // Not stored with the closure (its figures are the desk currency's only): the day is locked once
    // closed, so the other currencies' movements read now are those of the closure.
    const { otherCurrencies } = summarise(
      row.currency,
      this.dayPayments(row.day),
      this.dayCashRefunds(row.day),
    )
    return {
      deskId: row.deskId,
      day: row.day,
      currency: row.currency,
      byMethod,
      expectedCashMinor: row.expectedCashMinor,
      totalMinor,
      otherCurrencies,
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
