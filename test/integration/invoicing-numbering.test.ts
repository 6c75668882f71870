import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { createCore } from '../../main/app/core'
import { customerData, personInput } from '../helpers/customers'
import { pdfText } from './invoicing-helpers'

const run = promisify(execFile)

describe('invoice numbers: gapless and chronological under concurrent issuing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-numbering-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('four processes × 6 invoices on one desk database: numbers 1…24, each once, each PDF its own number', async () => {
    const setup = await createCore({
      dataDir: dir,
      deskId: 'C07',
      demo: false,
      host: 'browser',
      version: 'test',
    })
    const actor = { staffId: null, deskId: 'C07' }
    const customer = setup.services.customers.create(actor, customerData(personInput())).customer
    setup.close()

    const processes = 4
    const each = 6
    const outputs = await Promise.all(
      Array.from({ length: processes }, (_, p) =>
        run(
          process.execPath,
          [
            '--import',
            'tsx',
            'test/integration/invoicing-issuer-child.ts',
            JSON.stringify({ dir, deskId: 'C07', customerId: customer.id, count: each, tag: `P${p}` }),
          ],
          { cwd: process.cwd(), timeout: 120_000 },
        ),
      ),
    )
    for (const out of outputs) expect(out.stdout).toContain('DONE')

    const core = await createCore({
      dataDir: dir,
      deskId: 'C07',
      demo: false,
      host: 'browser',
      version: 'test',
    })
    try {
      const rows = core.database.sqlite
        .prepare(
          'SELECT id, series, number, invoice_number AS n, issue_date AS d FROM invoices ORDER BY number',
        )
        .all() as { id: string; series: string; number: number; n: string; d: string }[]
      expect(rows.map((r) => r.number)).toEqual(Array.from({ length: processes * each }, (_, i) => i + 1))
      expect(new Set(rows.map((r) => r.series)).size).toBe(1)
      // Chronological: a later number never carries an earlier date.
      expect(rows.map((r) => r.d)).toEqual(rows.map((r) => r.d).sort())
      const printed = outputs.flatMap((o) =>
        o.stdout
          .split('\n')
          .filter((l) => l.startsWith('ISSUED '))
          .map((l) => l.slice(7)),
      )
      expect(printed.sort()).toEqual(rows.map((r) => r.n).sort())
      // Every PDF was rendered with the number its invoice finally got (re-rendered when taken).
      for (const row of rows) {
        const pdf = await core.services.invoicing.invoices.pdf(row.id)
        expect(await pdfText(pdf)).toContain(row.n)
      }
      const docs = core.database.sqlite
        .prepare("SELECT count(*) AS n FROM stored_documents WHERE kind = 'invoice_pdf'")
        .get() as { n: number }
      expect(docs.n).toBe(processes * each)
    } finally {
      core.close()
    }
  }, 180_000)
})
