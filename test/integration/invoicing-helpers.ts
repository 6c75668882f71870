import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HarbourIssuer } from '../../main/modules/harbour/harbourIssuer'
import type { Actor } from '../../main/repo/repository'
import type { InputOf } from '../../preload/contract'
import type { FileDownload } from '../../preload/contract/common'
import type { WireError, WireResult } from '../../preload/errors'
import { personInput } from '../helpers/customers'
import type { TestDesk } from '../helpers/tempCore'

/** The text of every page of a PDF, as pdf.js (what Chromium's viewer uses) extracts it. */
export async function pdfText(bytes: Uint8Array | FileDownload): Promise<string> {
  const data = 'base64' in bytes ? new Uint8Array(Buffer.from(bytes.base64, 'base64')) : new Uint8Array(bytes)
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const content = await page.getTextContent()
    // pdfmake writes a hyphenated word (`2026-T01-000001`) as several runs: join runs as they
    // are and lines with a space, so the text reads as printed.
    pages.push(
      content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(''),
    )
  }
  await doc.destroy()
  // pdf.js may split a line in several items; collapse runs of spaces so phrases can be searched.
  return pages.join('\n').replace(/[ \u00a0]+/g, ' ')
}

export function errorOf(result: WireResult<unknown>): WireError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`)
  return result.error
}

export async function newCustomer(desk: TestDesk, overrides: Partial<InputOf<'customers.create'>> = {}) {
  return (await desk.ok('customers.create', personInput(overrides))).customer
}

/** The service invoice of the tests: crane 2,5 h at 80 € and 123,456 kWh at 0,27 €, both 20 %. */
export const craneAndPower = [
  { label: 'Grutage aller-retour', quantity: '2,5', unitPrice: '80,00', vatRate: '20' },
  { label: 'Électricité (kWh)', quantity: '123,456', unitPrice: '0,27', vatRate: '20' },
]

/** With GUICHET_PDF_OUT set, a PDF of the tests is also written there (to look at it, e.g. with pdftoppm). */
export function keepForEyes(name: string, file: FileDownload) {
  const dir = process.env.GUICHET_PDF_OUT
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, name), Buffer.from(file.base64, 'base64'))
}

/** Another issuer whose bills (MAD) the desk collects. */
export const MAROC_TELECOM: HarbourIssuer = {
  name: 'Maroc Telecom',
  addressLines: ['Avenue Annakhil, Hay Riad', '10100 Rabat', 'Maroc'],
  currency: 'MAD',
  defaultVatRateBp: 2000,
}

/** A Maroc Telecom bill (MAD) of one line, issued on 2026-11-22 with its biller's identity. */
export function issueMarocTelecomBill(
  desk: TestDesk,
  actor: Actor,
  customerId: string,
  label: string,
  line: { label: string; quantityMilli: number; unitNetMinor: number; vatRateBp: number },
) {
  const { billing, invoicing } = desk.core.services
  return billing.issueInvoice(
    actor,
    {
      customerId,
      kind: 'service',
      label,
      issueDate: '2026-11-22',
      currency: 'MAD',
      totalNetMinor: 0,
      totalVatMinor: 0,
      lines: [line],
    },
    { attach: (unit, row) => invoicing.issuers.keep(unit, row.id, MAROC_TELECOM) },
  )
}
