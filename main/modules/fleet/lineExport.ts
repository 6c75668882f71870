import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FileDownload } from '../../../preload/contract/common'
import type { LineColumn, LineFilter, LineSort } from '../../../preload/contract/fleet'
import type { LineQueries, LineRow } from './lineQueries'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Column titles of the export (the sheet is a French business document, like the invoices). */
export const exportHeaders: Record<LineColumn, { title: string; width: number }> = {
  phoneNumber: { title: 'Numéro', width: 16 },
  description: { title: 'Description', width: 30 },
  tariffPlanCode: { title: 'Plan tarifaire', width: 20 },
  status: { title: 'Statut', width: 12 },
  billingAccount: { title: 'Compte de facturation', width: 20 },
  options: { title: 'Options', width: 40 },
  user: { title: 'Utilisateur', width: 26 },
}

function cell(
  row: LineRow,
  column: LineColumn,
  planNames: Map<string, string>,
  optionNames: Map<string, string>,
) {
  switch (column) {
    case 'phoneNumber':
      return row.phoneNumber
    case 'description':
      return row.description
    case 'tariffPlanCode':
      return planNames.get(row.tariffPlanCode) ?? row.tariffPlanCode
    case 'status':
      return row.status
    case 'billingAccount':
      return row.billingAccountNumber
    case 'options':
      return (JSON.parse(row.options) as string[]).map((o) => optionNames.get(o) ?? o).join(', ')
    case 'user':
      return `${row.userFirstName} ${row.userLastName}`.trim()
  }
}

/**
 * The inventory as a real .xlsx: the visible columns, every row matching the filter (not the page),
 * in the screen's order. Written with exceljs's streaming writer, row by row from a SQLite
 * iterator, so 50 000 lines never sit in memory as objects.
 */
export async function exportLines(
  queries: LineQueries,
  input: { filter: LineFilter; sort: LineSort; direction: 'asc' | 'desc'; columns: LineColumn[] },
  names: { plans: Map<string, string>; options: Map<string, string> },
  fileDate: string,
): Promise<FileDownload & { rows: number }> {
  const chunks: Buffer[] = []
  const stream = new PassThrough()
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useSharedStrings: false,
    useStyles: true,
  })
  workbook.creator = 'Guichet'
  const sheet = workbook.addWorksheet('Cartes SIM', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = input.columns.map((c) => ({
    header: exportHeaders[c].title,
    key: c,
    width: exportHeaders[c].width,
  }))
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  let rows = 0
  for (const row of queries.iterate(input.filter, input.sort, input.direction)) {
    sheet.addRow(input.columns.map((c) => cell(row, c, names.plans, names.options))).commit()
    rows++
  }
  sheet.commit()
  await workbook.commit()
  await done
  const bytes = Buffer.concat(chunks)
  return {
    fileName: `cartes-sim-${fileDate}.xlsx`,
    mimeType: XLSX_MIME,
    base64: bytes.toString('base64'),
    rows,
  }
}
