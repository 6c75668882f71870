import { and, asc, eq, isNull } from 'drizzle-orm'
import Papa from 'papaparse'
import {
  fleetTitles,
  fleetUserLanguages,
  fleetUserSchema,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportRowIssue,
  iccidProblem,
  type LineCreateInput,
  normalizeIccid,
} from '../../../preload/contract/fleet'
import { fleetLines, fleetNumberPool } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository } from '../../repo/repository'
import type { CatalogService } from './catalogService'
import { type LineService, toE164 } from './lineService'

/** The columns of an employees CSV (docs/fleet.md); `options` separated by `|`, `number` = "new" or a number to port. */
export const importColumns = [
  'iccid',
  'description',
  'title',
  'firstName',
  'lastName',
  'birthDate',
  'email',
  'phone',
  'language',
  'plan',
  'options',
  'billingAccount',
  'splitBillProfile',
  'number',
] as const
const required = [
  'iccid',
  'description',
  'firstName',
  'lastName',
  'plan',
  'billingAccount',
  'number',
] as const

export const MAX_IMPORT_ROWS = 5000

interface Checked {
  preview: ImportPreview
  inputs: { input: LineCreateInput; phoneNumber: string; poolId: string | null }[]
}

/**
 * Employees via CSV: every row is checked as the wizard would check it (and against the other
 * rows: the same ICCID or number twice), the preview shows each row's problems, and the import
 * writes all rows in one write or none.
 */
export class LineImport {
  constructor(
    private readonly repo: Repository,
    private readonly catalog: CatalogService,
    private readonly lines: LineService,
  ) {}

  preview(customerId: string, csv: string): ImportPreview {
    return this.check(customerId, csv).preview
  }

  apply(actor: Actor, customerId: string, csv: string): { created: number } {
    const { preview, inputs } = this.check(customerId, csv)
    if (preview.fileIssues.length > 0 || preview.invalid > 0 || inputs.length === 0)
      throw new AppError('VALIDATION', {
        fields: [{ path: 'csv', key: 'validation.fleetImportHasErrors', params: { count: preview.invalid } }],
      })
    this.repo.write(actor, 'fleet.import.apply', (unit) => {
      for (const { input, phoneNumber, poolId } of inputs)
        this.lines.insertLine(unit, input, phoneNumber, poolId)
    })
    return { created: inputs.length }
  }

  private check(customerId: string, csv: string): Checked {
    this.catalog.account(customerId)
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: 'greedy',
      transformHeader: (h) => h.trim(),
    })
    const headers = parsed.meta.fields ?? []
    const fileIssues: ImportRowIssue[] = required
      .filter((c) => !headers.includes(c))
      .map((c) => ({ column: c, key: 'validation.fleetImportMissingColumn', params: { column: c } }))
    if (parsed.data.length > MAX_IMPORT_ROWS)
      fileIssues.push({
        column: '',
        key: 'validation.fleetImportTooManyRows',
        params: { maximum: MAX_IMPORT_ROWS },
      })
    if (fileIssues.length > 0) return { preview: { rows: [], valid: 0, invalid: 0, fileIssues }, inputs: [] }

    const matrix = this.catalog.matrix()
    const billing = new Map(this.catalog.billingAccounts(customerId).map((b) => [b.number, b.id]))
    const profiles = new Map(
      this.catalog.splitBillProfiles(customerId).map((p) => [p.name.toLowerCase(), p.id]),
    )
    const freeNumbers = this.repo.db
      .select()
      .from(fleetNumberPool)
      .where(isNull(fleetNumberPool.lineId))
      .orderBy(asc(fleetNumberPool.phoneNumber))
      .limit(parsed.data.length)
      .all()
    let nextFree = 0
    const seenIccids = new Set<string>()
    const seenNumbers = new Set<string>()
    const rows: ImportPreviewRow[] = []
    const inputs: Checked['inputs'] = []

    parsed.data.forEach((raw, index) => {
      const get = (c: (typeof importColumns)[number]) => (raw[c] ?? '').trim()
      const issues: ImportRowIssue[] = []
      const iccid = normalizeIccid(get('iccid'))
      const problem = iccid ? iccidProblem(iccid) : 'required'
      if (problem) issues.push({ column: 'iccid', key: `validation.${problem}` })
      else if (seenIccids.has(iccid)) issues.push({ column: 'iccid', key: 'validation.fleetImportDuplicate' })
      else if (this.lines.iccidUsed(iccid)) issues.push({ column: 'iccid', key: 'validation.iccidUsed' })
      seenIccids.add(iccid)

      const title = (get('title') || 'none').toLowerCase()
      const language = (get('language') || 'fr').toLowerCase()
      const user = fleetUserSchema.safeParse({
        description: get('description'),
        title: (fleetTitles as readonly string[]).includes(title) ? title : 'invalid',
        firstName: get('firstName'),
        lastName: get('lastName'),
        birthDate: get('birthDate'),
        email: get('email'),
        phone: get('phone'),
        language: (fleetUserLanguages as readonly string[]).includes(language) ? language : 'invalid',
      })
      if (!user.success)
        for (const issue of user.error.issues) {
          const column = String(issue.path[0] ?? '')
          issues.push({
            column,
            key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalidFormat',
          })
        }

      const plan = get('plan')
      const planRow = plan ? this.catalog.plan(plan) : undefined
      if (!planRow?.active)
        issues.push({ column: 'plan', key: plan ? 'validation.fleetUnknownPlan' : 'validation.required' })
      const options = get('options')
        .split('|')
        .map((o) => o.trim())
        .filter(Boolean)
      if (planRow) {
        const refused = matrix.incompatible(plan, options)
        if (refused.length)
          issues.push({
            column: 'options',
            key: 'validation.fleetOptionNotForPlan',
            params: { options: refused.join(', ') },
          })
      }
      const billingAccountId = billing.get(get('billingAccount'))
      if (!billingAccountId)
        issues.push({ column: 'billingAccount', key: 'validation.fleetUnknownBillingAccount' })
      const profileName = get('splitBillProfile')
      const splitBillProfileId = profileName ? (profiles.get(profileName.toLowerCase()) ?? null) : null
      if (profileName && !splitBillProfileId)
        issues.push({ column: 'splitBillProfile', key: 'validation.fleetUnknownProfile' })

      const numberCell = get('number')
      let phoneNumber = ''
      let poolId: string | null = null
      let source: 'new' | 'porting' = 'porting'
      if (numberCell.toLowerCase() === 'new' || numberCell.toLowerCase() === 'nouveau') {
        source = 'new'
        const free = freeNumbers[nextFree++]
        if (!free) issues.push({ column: 'number', key: 'validation.fleetPoolEmpty' })
        else {
          phoneNumber = free.phoneNumber
          poolId = free.id
        }
      } else if (!/^(\+32|0)4\d{8}$/.test(numberCell.replace(/[\s./]/g, ''))) {
        issues.push({
          column: 'number',
          key: numberCell ? 'validation.fleetMobileNumber' : 'validation.required',
        })
      } else {
        phoneNumber = toE164(numberCell.replace(/[\s./]/g, ''))
        if (seenNumbers.has(phoneNumber))
          issues.push({ column: 'number', key: 'validation.fleetImportDuplicate' })
        else if (
          this.repo.db
            .select({ id: fleetLines.id })
            .from(fleetLines)
            .where(eq(fleetLines.phoneNumber, phoneNumber))
            .get()
        )
          issues.push({ column: 'number', key: 'validation.fleetNumberInUse' })
        else if (
          this.repo.db
            .select({ id: fleetNumberPool.id })
            .from(fleetNumberPool)
            .where(and(eq(fleetNumberPool.phoneNumber, phoneNumber), isNull(fleetNumberPool.lineId)))
            .get()
        )
          // A free number of our own pool is not "ported": it must be asked as `new`.
          issues.push({ column: 'number', key: 'validation.fleetNumberIsOurs' })
      }
      if (phoneNumber) seenNumbers.add(phoneNumber)

      rows.push({ row: index + 2, phoneNumber, description: get('description'), planCode: plan, issues })
      if (issues.length === 0 && user.success && billingAccountId) {
        inputs.push({
          input: {
            customerId,
            iccid,
            splitBillProfileId,
            user: user.data,
            planCode: plan,
            options,
            billingAccountId,
            number: { source, phoneNumber } as LineCreateInput['number'],
          },
          phoneNumber,
          poolId,
        })
      }
    })
    const invalid = rows.filter((r) => r.issues.length > 0).length
    return { preview: { rows, valid: rows.length - invalid, invalid, fileIssues }, inputs }
  }
}
