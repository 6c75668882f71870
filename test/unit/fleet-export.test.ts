import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { exportHeaders, exportLines } from '../../main/modules/fleet/lineExport'
import type { LineRow } from '../../main/modules/fleet/lineQueries'
import { type LineColumn, lineColumns } from '../../preload/contract/fleet'

const row: LineRow = {
  id: '01JFLEETLINE00000000000001',
  customerId: '01JFLEETCUSTOMER0000000001',
  phoneNumber: '+32470123456',
  description: 'Commercial Namur',
  status: 'ACTIVE',
  tariffPlanCode: 'MOBILE_START',
  billingAccountId: '01JFLEETBILLING00000000001',
  billingAccountNumber: 'BA00000001',
  options: '["VOICE_NATIONAL_100"]',
  userFirstName: 'Amélie',
  userLastName: 'Verhoeven',
}
const queries = {
  *iterate() {
    yield row
  },
}
const names = {
  plans: new Map([['MOBILE_START', 'Mobile Start']]),
  options: new Map([['VOICE_NATIONAL_100', 'Voice National 100 min']]),
}
const input = {
  filter: { customerId: row.customerId },
  sort: 'phoneNumber' as const,
  direction: 'asc' as const,
  columns: [...lineColumns],
}

async function sheetOf(file: { base64: string }) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
  return workbook.worksheets[0]!
}

describe('Excel export: column titles in the agent’s language', () => {
  it('has a title for every column in both languages', () => {
    for (const language of ['fr', 'en'] as const)
      for (const column of lineColumns) expect(exportHeaders[language][column]).toBeTruthy()
  })

  it.each([
    [
      'fr',
      [
        'Numéro',
        'Description',
        'Plan tarifaire',
        'Statut',
        'Compte de facturation',
        'Options',
        'Utilisateur',
      ],
    ],
    ['en', ['Number', 'Description', 'Tariff plan', 'Status', 'Billing account', 'Options', 'User']],
  ] as const)('%s titles, the same cells', async (language, titles) => {
    const file = await exportLines(queries, input, names, '2026-11-22', language)
    const sheet = await sheetOf(file)
    expect(sheet.getRow(1).values).toEqual([undefined, ...titles])
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '+32470123456',
      'Commercial Namur',
      'Mobile Start',
      'ACTIVE',
      'BA00000001',
      'Voice National 100 min',
      'Amélie Verhoeven',
    ])
    expect(file.fileName).toBe('cartes-sim-2026-11-22.xlsx')
    expect(file.rows).toBe(1)
  })

  it('writes French titles when no language is given (the default of the channel too)', async () => {
    const columns: LineColumn[] = ['status', 'phoneNumber']
    const sheet = await sheetOf(await exportLines(queries, { ...input, columns }, names, '2026-11-22'))
    expect(sheet.getRow(1).values).toEqual([undefined, 'Statut', 'Numéro'])
  })
})
