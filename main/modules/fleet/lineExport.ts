import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FileDownload } from '../../../preload/contract/common'
import type { ExportLanguage, LineColumn, LineFilter, LineSort } from '../../../preload/contract/fleet'
import { fleetEn } from '../../../renderer/src/i18n/areas/fleet.en'
import { fleetFr } from '../../../renderer/src/i18n/areas/fleet.fr'
import type { LineQueries, LineRow } from './lineQueries'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Column widths of the export, in characters (wide enough for the longest title of either language). */
export const exportWidths: Record<LineColumn, number> = {
  phoneNumber: 16,
  description: 30,
  tariffPlanCode: 20,
  status: 12,
  billingAccount: 20,
  options: 40,
  user: 26,
}

/**
 * Column titles in the language of the agent who exports (the screen sends it): the inventory's own
 * column titles, from the interface's dictionaries (main has no i18next). The cells themselves are
 * data (plan and option names, status codes) and read the same in both.
 */
export const exportHeaders: Record<ExportLanguage, Record<LineColumn, string>> = {
  fr: fleetFr.lines.columns,
  en: fleetEn.lines.columns,
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
 * The inventory as a real .xlsx: the visible columns titled in `language`, every row matching the
 * filter (not the page), in the screen's order. Written with exceljs's streaming writer, row by row from a SQLite
 * iterator, so 50 000 lines never sit in memory as objects.
 */
export async function exportLines(
  queries: Pick<LineQueries, 'iterate'>,
  input: { filter: LineFilter; sort: LineSort; direction: 'asc' | 'desc'; columns: LineColumn[] },
  names: { plans: Map<string, string>; options: Map<string, string> },
  fileDate: string,
  language: ExportLanguage = 'fr',
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
    header: exportHeaders[language][c],
    key: c,
    width: exportWidths[c],
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
