/**
 * Reconciliation rules, pure: reading a gateway settlement file (CSV) and matching its rows to
 * the payments Guichet recorded. The format is documented in docs/payments.md ("Reconciliation").
 */
import Papa from 'papaparse'
import { type Gateway, gateways } from '../../../preload/contract/payments'
import type {
  ReconciliationDifference,
  ReconciliationTotal,
  SettlementRow,
  SettlementRowError,
} from '../../../preload/contract/paymentsReconciliation'

/** How gateway payments are recorded (hub/payments/settle.ts METHOD_OF_GATEWAY). */
export const GATEWAY_OF_METHOD: Record<string, Gateway> = {
  card_monetico: 'monetico',
  card_cmi: 'cmi',
  fatourati: 'fatourati',
  amanpay: 'amanpay',
}

export const SETTLEMENT_COLUMNS = [
  'date',
  'gateway',
  'reference',
  'authorisation',
  'amount',
  'currency',
  'fee',
] as const
const REQUIRED = ['date', 'gateway', 'reference', 'amount', 'currency'] as const

/** Decimal amount `850.00`, `850,5`, `-120.00` → minor units; null when not a 2-decimal amount. */
export function parseAmountMinor(text: string): number | null {
  const m = /^(-)?(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(text.trim())
  if (!m) return null
  const minor = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  return m[1] ? -minor : minor
}

function validDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text
}

export type ParsedSettlement =
  | { ok: true; rows: SettlementRow[] }
  | { ok: false; errors: SettlementRowError[] }

/**
 * Reads the whole file; any bad row makes the whole file invalid (nothing is stored), with every
 * error listed by line (line 1 is the header) so that the sender can fix the file in one go.
 */
export function parseSettlementCsv(text: string): ParsedSettlement {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  })
  const errors: SettlementRowError[] = []
  const fields = parsed.meta.fields ?? []
  const missing = REQUIRED.filter((c) => !fields.includes(c))
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((column) => ({ line: 1, column, code: 'missingColumn', value: '' })),
    }
  }
  if (parsed.data.length === 0)
    return { ok: false, errors: [{ line: 1, column: '', code: 'empty', value: '' }] }
  const rows: SettlementRow[] = []
  const seen = new Map<string, number>()
  parsed.data.forEach((raw, i) => {
    const line = i + 2
    const get = (c: string) => (raw[c] ?? '').trim()
    const fail = (column: string, code: SettlementRowError['code']) =>
      errors.push({ line, column, code, value: get(column).slice(0, 60) })
    const before = errors.length
    const date = get('date')
    if (!validDate(date)) fail('date', 'date')
    const gateway = get('gateway').toLowerCase()
    if (!(gateways as readonly string[]).includes(gateway)) fail('gateway', 'gateway')
    const reference = get('reference')
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(reference)) fail('reference', 'reference')
    const authorisation = get('authorisation')
    if (authorisation.length > 32) fail('authorisation', 'authorisation')
    const amountMinor = parseAmountMinor(get('amount'))
    if (amountMinor === null || amountMinor === 0) fail('amount', 'amount')
    const currency = get('currency').toUpperCase()
    if (!/^[A-Z]{3}$/.test(currency)) fail('currency', 'currency')
    const feeText = get('fee')
    const feeMinor = feeText === '' ? 0 : parseAmountMinor(feeText)
    if (feeMinor === null || feeMinor < 0) fail('fee', 'fee')
    // The same reference twice in the same direction is a duplicated line, not a second payment.
    const key = `${gateway}|${reference}|${amountMinor !== null && amountMinor < 0 ? '-' : '+'}`
    if (errors.length === before && seen.has(key)) fail('reference', 'duplicate')
    if (errors.length === before) {
      seen.set(key, line)
      rows.push({
        line,
        date,
        gateway: gateway as Gateway,
        reference,
        authorisation: authorisation || null,
        amountMinor: amountMinor as number,
        currency,
        feeMinor: feeMinor as number,
      })
    }
  })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows }
}

/** What reconciliation needs of a Guichet payment row. */
export interface GuichetPayment {
  id: string
  method: string
  amountMinor: number
  currency: string
  receivedAt: string
  reference: string | null
}

/** The gateway's order reference of a payment: the hub records `reference/authorisation`. */
export function orderReference(reference: string | null): string | null {
  if (!reference) return null
  return reference.split('/')[0] || null
}

interface Side {
  gateway: Gateway
  reference: string
  netMinor: number
  currency: string
  /** Day of the first (earliest) row. */
  date: string
  paymentIds: string[]
}

/**
 * Compares the file with Guichet, reference by reference (net of refunds and reversals), and
 * totals by day, gateway and currency. `payments` may hold more than the file's period: those
 * outside it count only when the file names their reference (a payment booked a day apart).
 */
export function reconcile(
  rows: SettlementRow[],
  payments: GuichetPayment[],
): { differences: ReconciliationDifference[]; totals: ReconciliationTotal[]; matched: number } {
  const dates = rows.map((r) => r.date).sort()
  const from = dates[0] ?? ''
  const to = dates[dates.length - 1] ?? ''
  const keyOf = (g: string, ref: string) => `${g}|${ref}`

  const file = new Map<string, Side>()
  for (const r of [...rows].sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line)) {
    const k = keyOf(r.gateway, r.reference)
    const side = file.get(k)
    if (side) side.netMinor += r.amountMinor
    else
      file.set(k, {
        gateway: r.gateway,
        reference: r.reference,
        netMinor: r.amountMinor,
        currency: r.currency,
        date: r.date,
        paymentIds: [],
      })
  }

  const guichet = new Map<string, Side>()
  const sorted = [...payments].sort(
    (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
  )
  for (const p of sorted) {
    const gateway = GATEWAY_OF_METHOD[p.method]
    const reference = orderReference(p.reference)
    if (!gateway || !reference) continue
    const k = keyOf(gateway, reference)
    const day = p.receivedAt.slice(0, 10)
    const side = guichet.get(k)
    if (side) {
      side.netMinor += p.amountMinor
      side.paymentIds.push(p.id)
    } else {
      if (!file.has(k) && (day < from || day > to)) continue
      guichet.set(k, {
        gateway,
        reference,
        netMinor: p.amountMinor,
        currency: p.currency,
        date: day,
        paymentIds: [p.id],
      })
    }
  }

  const differences: ReconciliationDifference[] = []
  let matched = 0
  const diff = (kind: ReconciliationDifference['kind'], f: Side | undefined, g: Side | undefined) =>
    differences.push({
      kind,
      gateway: (f ?? g)!.gateway,
      reference: (f ?? g)!.reference,
      fileAmountMinor: f?.netMinor ?? null,
      fileCurrency: f?.currency ?? null,
      fileDate: f?.date ?? null,
      guichetAmountMinor: g?.netMinor ?? null,
      guichetCurrency: g?.currency ?? null,
      guichetDate: g?.date ?? null,
      paymentIds: g?.paymentIds ?? [],
    })
  for (const [k, f] of file) {
    const g = guichet.get(k)
    if (!g || (g.netMinor === 0 && f.netMinor !== 0)) {
      diff('missingInGuichet', f, g)
      continue
    }
    const before = differences.length
    if (f.currency !== g.currency) diff('currencyDiffers', f, g)
    else if (f.netMinor !== g.netMinor) diff('amountDiffers', f, g)
    if (f.date !== g.date) diff('dateDiffers', f, g)
    if (differences.length === before) matched++
  }
  for (const [k, g] of guichet) {
    // A payment reversed in full within Guichet, absent from the file, owes nothing to anyone.
    if (!file.has(k) && g.netMinor !== 0) diff('missingInFile', undefined, g)
  }

  const totals = new Map<string, ReconciliationTotal>()
  const add = (day: string, gateway: Gateway, currency: string, fileMinor: number, guichetMinor: number) => {
    const k = `${day}|${gateway}|${currency}`
    const t = totals.get(k) ?? { day, gateway, currency, fileMinor: 0, guichetMinor: 0, differenceMinor: 0 }
    t.fileMinor += fileMinor
    t.guichetMinor += guichetMinor
    t.differenceMinor = t.fileMinor - t.guichetMinor
    totals.set(k, t)
  }
  for (const r of rows) add(r.date, r.gateway, r.currency, r.amountMinor, 0)
  for (const p of payments) {
    const gateway = GATEWAY_OF_METHOD[p.method]
    const reference = orderReference(p.reference)
    if (!gateway || !reference || !guichet.has(keyOf(gateway, reference))) continue
    add(p.receivedAt.slice(0, 10), gateway, p.currency, 0, p.amountMinor)
  }
  const order = (a: { gateway: string; reference: string }, b: { gateway: string; reference: string }) =>
    a.gateway.localeCompare(b.gateway) || a.reference.localeCompare(b.reference)
  return {
    differences: differences.sort(order),
    totals: [...totals.values()].sort(
      (a, b) =>
        a.day.localeCompare(b.day) ||
        a.gateway.localeCompare(b.gateway) ||
        a.currency.localeCompare(b.currency),
    ),
    matched,
  }
}
