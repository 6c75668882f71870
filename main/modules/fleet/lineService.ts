import { createHash } from 'node:crypto'
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Role } from '../../../preload/contract/common'
import {
  type BarringCode,
  type BulkChange,
  type BulkPreview,
  type BulkPreviewRow,
  type FleetUserInput,
  type LineCreateInput,
  type LineDetail,
  type LineSelection,
  simSecretRoles,
} from '../../../preload/contract/fleet'
import type { Clock } from '../../app/clock'
import { fleetIccids, fleetLines, fleetNumberPool } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository, UnitOfWork } from '../../repo/repository'
import type { CatalogService } from './catalogService'
import { fleetIccidEntity, fleetLineEntity, fleetNumberEntity } from './fleetEntities'
import { type LineQueries, type LineRow, toListItem } from './lineQueries'
import {
  applyOptionChange,
  applyPlanChange,
  lineSearchKey,
  normalizeBarrings,
  type OptionMatrix,
} from './lineRules'
import { checkTransition, type LineRequest, type LineStatus } from './lineStatus'
import type { ProvisioningOutcome, ProvisioningQueue } from './provisioning/provisioningPort'

type LineRecord = typeof fleetLines.$inferSelect
type Address = NonNullable<LineDetail['address']>

/** The PUK printed on the card's carrier, which the card pack gives with the ICCID (8 digits). */
export function pukOf(iccid: string): string {
  const n = createHash('sha256').update(`puk:${iccid}`).digest().readUInt32BE(0) % 100_000_000
  return String(n).padStart(8, '0')
}

/** A Belgian mobile number as stored: E.164 (+32 4xx xx xx xx). */
export function toE164(raw: string): string {
  const digits = raw.replace(/[^\d+]/g, '')
  if (digits.startsWith('+')) return digits
  if (digits.startsWith('0')) return `+32${digits.slice(1)}`
  return `+${digits}`
}

/**
 * Lines of business accounts: the Add-SIM wizard's creation, the life cycle (every change the
 * network carries out goes to the provisioning queue in the same write, and the line takes it when
 * the operator confirms: `applyOutcome`), user data, barrings, bulk plan and option changes.
 */
export class LineService {
  constructor(
    private readonly repo: Repository,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly queries: LineQueries,
    private readonly queue: () => ProvisioningQueue,
  ) {}

  private record(id: string): LineRecord {
    const row = this.repo.db.select().from(fleetLines).where(eq(fleetLines.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND')
    return row
  }

  detail(id: string, role: Role | null): LineDetail {
    const row = this.record(id)
    const billing = this.catalog.billingAccount(row.billingAccountId)
    const maySee = role !== null && (simSecretRoles as readonly Role[]).includes(role)
    return {
      ...toListItem({
        ...row,
        billingAccountNumber: billing?.number ?? '',
      } as LineRow),
      customerId: row.customerId,
      numberSource: row.numberSource,
      iccid: maySee ? row.iccid : null,
      puk: maySee ? row.puk : null,
      splitBillProfileId: row.splitBillProfileId,
      user: {
        description: row.description,
        title: row.userTitle,
        firstName: row.userFirstName,
        lastName: row.userLastName,
        birthDate: row.userBirthDate,
        email: row.userEmail,
        phone: row.userPhone,
        language: row.userLanguage,
      },
      userConfirmed: row.userConfirmed,
      address:
        row.street && row.postalCode && row.city && row.country
          ? { street: row.street, postalCode: row.postalCode, city: row.city, country: row.country }
          : null,
      barrings: JSON.parse(row.barrings) as BarringCode[],
      payByMobileLimitMinor: row.payByMobileLimitMinor,
      activationDate: row.activationDate,
      activatedAt: row.activatedAt,
      stoppedAt: row.stoppedAt,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }
  }

  /** A line that may take `request`, or the French refusal at the field `status`. */
  private allowed(row: LineRecord, request: LineRequest): void {
    const verdict = checkTransition(row.status as LineStatus, request)
    if (!verdict.ok) throw AppError.field('status', verdict.key, { status: row.status })
  }

  /** Why an ICCID cannot be used here, beyond its format: it was already given to a line. */
  iccidUsed(iccid: string): boolean {
    return !!this.repo.db
      .select({ id: fleetIccids.id })
      .from(fleetIccids)
      .where(eq(fleetIccids.id, iccid))
      .get()
  }

  freeNumbers(limit: number): string[] {
    return this.repo.db
      .select({ phoneNumber: fleetNumberPool.phoneNumber })
      .from(fleetNumberPool)
      .where(isNull(fleetNumberPool.lineId))
      .orderBy(asc(fleetNumberPool.phoneNumber))
      .limit(limit)
      .all()
      .map((r) => r.phoneNumber)
  }

  /** Everything the wizard checks before the summary, at the fields of its steps. */
  private checkCreate(input: LineCreateInput): { phoneNumber: string; poolId: string | null } {
    const account = this.catalog.account(input.customerId)
    if (this.iccidUsed(input.iccid)) throw AppError.field('iccid', 'validation.iccidUsed')
    if (input.splitBillProfileId) {
      const profiles = this.catalog.splitBillProfiles(account.customerId)
      if (!profiles.some((p) => p.id === input.splitBillProfileId))
        throw AppError.field('splitBillProfileId', 'validation.fleetUnknownProfile')
    }
    const plan = this.catalog.plan(input.planCode)
    if (!plan?.active) throw AppError.field('planCode', 'validation.fleetUnknownPlan')
    const refused = this.catalog.matrix().incompatible(input.planCode, input.options)
    if (refused.length > 0)
      throw AppError.field('options', 'validation.fleetOptionNotForPlan', { options: refused.join(', ') })
    const billing = this.catalog.billingAccount(input.billingAccountId)
    if (!billing || billing.customerId !== input.customerId)
      throw AppError.field('billingAccountId', 'validation.fleetUnknownBillingAccount')
    const phoneNumber = toE164(input.number.phoneNumber)
    if (
      this.repo.db
        .select({ id: fleetLines.id })
        .from(fleetLines)
        .where(eq(fleetLines.phoneNumber, phoneNumber))
        .get()
    )
      throw AppError.field('number.phoneNumber', 'validation.fleetNumberInUse')
    let poolId: string | null = null
    if (input.number.source === 'new') {
      const free = this.repo.db
        .select()
        .from(fleetNumberPool)
        .where(and(eq(fleetNumberPool.phoneNumber, phoneNumber), isNull(fleetNumberPool.lineId)))
        .get()
      if (!free) throw AppError.field('number.phoneNumber', 'validation.fleetNumberNotFree')
      poolId = free.id
    }
    return { phoneNumber, poolId }
  }

  /** The last step of the wizard: the line exists, PENDING, until its activation is confirmed. */
  create(actor: Actor, input: LineCreateInput, role: Role | null): LineDetail {
    const { phoneNumber, poolId } = this.checkCreate(input)
    const id = this.repo.write(actor, 'fleet.lines.create', (unit) =>
      this.insertLine(unit, input, phoneNumber, poolId),
    )
    return this.detail(id, role)
  }

  /** Inserts a checked line (the wizard, the CSV import and the demo seeder share it). */
  insertLine(
    unit: UnitOfWork,
    input: LineCreateInput,
    phoneNumber: string,
    poolId: string | null,
    /** The demo seeder's older lines: states the operator confirmed long ago. */
    history: Partial<
      Pick<
        LineRecord,
        'status' | 'activatedAt' | 'stoppedAt' | 'userConfirmed' | 'barrings' | 'payByMobileLimitMinor'
      >
    > = {},
  ): string {
    const id = this.repo.newId()
    const user = input.user
    const values = {
      id,
      customerId: input.customerId,
      phoneNumber,
      numberSource: input.number.source,
      description: user.description,
      iccid: input.iccid,
      puk: pukOf(input.iccid),
      status: 'PENDING' as const,
      tariffPlanCode: input.planCode,
      options: JSON.stringify([...new Set(input.options)].sort()),
      billingAccountId: input.billingAccountId,
      splitBillProfileId: input.splitBillProfileId,
      userTitle: user.title,
      userFirstName: user.firstName,
      userLastName: user.lastName,
      userBirthDate: user.birthDate || null,
      userEmail: user.email || null,
      userPhone: user.phone || null,
      userLanguage: user.language,
      userConfirmed: false,
      barrings: '[]',
      payByMobileLimitMinor: 0,
      searchKey: lineSearchKey({
        phoneNumber,
        description: user.description,
        userFirstName: user.firstName,
        userLastName: user.lastName,
      }),
    }
    unit.insert(fleetLineEntity, { ...values, ...history } as never)
    unit.append(fleetIccidEntity, { id: input.iccid, lineId: id, usedAt: unit.now })
    if (poolId) unit.update(fleetNumberEntity, poolId, { lineId: id })
    return id
  }

  /** "La carte SIM sera activée le …": the activation is requested for a date, today or later. */
  activate(actor: Actor, id: string, date: string, role: Role | null): LineDetail {
    const row = this.record(id)
    this.allowed(row, 'activate')
    const today = this.clock.now().toISOString().slice(0, 10)
    if (date < today) throw AppError.field('date', 'validation.fleetDateInPast')
    this.repo.write(actor, 'fleet.lines.activate', (unit) => {
      unit.update(fleetLineEntity, id, { activationDate: date })
      this.queue().enqueue(unit, {
        lineId: id,
        action: 'activate',
        payload: { iccid: row.iccid, phoneNumber: row.phoneNumber, planCode: row.tariffPlanCode },
        effectiveDate: date,
        lineLabel: row.phoneNumber,
      })
    })
    return this.detail(id, role)
  }

  /** A new SIM card for the line; the new ICCID is burnt at once, the old one stays burnt. */
  swap(actor: Actor, id: string, iccid: string, role: Role | null): LineDetail {
    const row = this.record(id)
    this.allowed(row, 'swap')
    if (this.iccidUsed(iccid)) throw AppError.field('iccid', 'validation.iccidUsed')
    this.repo.write(actor, 'fleet.lines.swap', (unit) => {
      unit.append(fleetIccidEntity, { id: iccid, lineId: id, usedAt: unit.now })
      this.queue().enqueue(unit, {
        lineId: id,
        action: 'swap',
        payload: { oldIccid: row.iccid, newIccid: iccid, puk: pukOf(iccid), phoneNumber: row.phoneNumber },
        lineLabel: row.phoneNumber,
      })
    })
    return this.detail(id, role)
  }

  /** Suspend, reactivate or stop: the status changes when the operator confirms. */
  request(
    actor: Actor,
    id: string,
    request: 'suspend' | 'reactivate' | 'stop',
    role: Role | null,
  ): LineDetail {
    const row = this.record(id)
    this.allowed(row, request)
    this.repo.write(actor, `fleet.lines.${request}`, (unit) => {
      this.queue().enqueue(unit, {
        lineId: id,
        action: request,
        payload: { phoneNumber: row.phoneNumber },
        lineLabel: row.phoneNumber,
      })
    })
    return this.detail(id, role)
  }

  /** User data: only while the user has not confirmed it (afterwards it is theirs to change). */
  updateUser(
    actor: Actor,
    id: string,
    user: FleetUserInput,
    address: Address | null,
    expectedVersion: string,
    role: Role | null,
  ): LineDetail {
    const row = this.record(id)
    this.allowed(row, 'editUser')
    if (row.userConfirmed) throw AppError.field('user', 'validation.fleetUserConfirmed')
    this.repo.write(actor, 'fleet.lines.updateUser', (unit) => {
      unit.update(
        fleetLineEntity,
        id,
        {
          description: user.description,
          userTitle: user.title,
          userFirstName: user.firstName,
          userLastName: user.lastName,
          userBirthDate: user.birthDate || null,
          userEmail: user.email || null,
          userPhone: user.phone || null,
          userLanguage: user.language,
          street: address?.street ?? null,
          postalCode: address?.postalCode ?? null,
          city: address?.city ?? null,
          country: address?.country ?? null,
          searchKey: lineSearchKey({
            phoneNumber: row.phoneNumber,
            description: user.description,
            userFirstName: user.firstName,
            userLastName: user.lastName,
          }),
        },
        { expectedVersion },
      )
    })
    return this.detail(id, role)
  }

  setBarrings(actor: Actor, id: string, barrings: BarringCode[], role: Role | null): LineDetail {
    const row = this.record(id)
    this.allowed(row, 'barrings')
    this.repo.write(actor, 'fleet.lines.setBarrings', (unit) => {
      this.queue().enqueue(unit, {
        lineId: id,
        action: 'barrings',
        payload: {
          barrings: normalizeBarrings(barrings),
          previous: JSON.parse(row.barrings),
          phoneNumber: row.phoneNumber,
        },
        lineLabel: row.phoneNumber,
      })
    })
    return this.detail(id, role)
  }

  setPayByMobile(actor: Actor, id: string, limitMinor: number, role: Role | null): LineDetail {
    const row = this.record(id)
    this.allowed(row, 'payByMobile')
    this.repo.write(actor, 'fleet.lines.setPayByMobile', (unit) => {
      this.queue().enqueue(unit, {
        lineId: id,
        action: 'payByMobile',
        payload: {
          limitMinor,
          previousMinor: row.payByMobileLimitMinor,
          currency: 'EUR',
          phoneNumber: row.phoneNumber,
        },
        lineLabel: row.phoneNumber,
      })
    })
    return this.detail(id, role)
  }

  /** The ids a selection stands for: "all" means all matching the filter, not the page. */
  selectionIds(selection: LineSelection): string[] {
    if ('ids' in selection) return selection.ids
    const excluded = new Set(selection.excludeIds)
    return this.queries.ids(selection.filter).filter((id) => !excluded.has(id))
  }

  /** The review table: for each line, previous and new plan/options, flags and refusals. */
  bulkPreview(customerId: string, selection: LineSelection, change: BulkChange, limit: number): BulkPreview {
    this.checkChange(change)
    const rows = this.queries.byIds(this.selectionIds(selection)).filter((r) => r.customerId === customerId)
    const matrix = this.catalog.matrix()
    const waiting = this.queue().pendingConflicts(
      rows.map((r) => r.id),
      change.kind,
    )
    const reviewed = rows.map((r) => this.review(r, change, matrix, waiting))
    return {
      total: reviewed.length,
      flagged: reviewed.filter((r) => r.flagged.length > 0).length,
      refused: reviewed.filter((r) => r.refusal).length,
      rows: reviewed.slice(0, limit),
    }
  }

  private checkChange(change: BulkChange): void {
    const catalog = this.catalog
    if (change.kind === 'plan') {
      if (!catalog.plan(change.planCode)?.active)
        throw AppError.field('planCode', 'validation.fleetUnknownPlan')
      return
    }
    const known = new Set(catalog.catalog().options.map((o) => o.code))
    const unknown = [...change.add, ...change.remove].filter((o) => !known.has(o))
    if (unknown.length) throw AppError.field('add', 'validation.fleetUnknownOption')
  }

  /** `waiting`: lines whose earlier plan or options change the operator has not confirmed yet. */
  private review(
    row: LineRow,
    change: BulkChange,
    matrix: OptionMatrix,
    waiting: ReadonlySet<string>,
  ): BulkPreviewRow {
    const current = JSON.parse(row.options) as string[]
    const transition = checkTransition(row.status, change.kind)
    const verdict = waiting.has(row.id)
      ? ({ ok: false, key: 'validation.fleetRequestPending' } as const)
      : transition
    const base = {
      id: row.id,
      phoneNumber: row.phoneNumber,
      previousPlan: row.tariffPlanCode,
      previousOptions: current,
    }
    if (!verdict.ok) {
      return { ...base, newPlan: row.tariffPlanCode, newOptions: current, flagged: [], refusal: verdict.key }
    }
    if (change.kind === 'plan') {
      const { options, dropped } = applyPlanChange(matrix, change.planCode, current)
      return { ...base, newPlan: change.planCode, newOptions: options, flagged: dropped, refusal: null }
    }
    const { options, refused } = applyOptionChange(
      matrix,
      row.tariffPlanCode,
      current,
      change.add,
      change.remove,
    )
    return { ...base, newPlan: row.tariffPlanCode, newOptions: options, flagged: refused, refusal: null }
  }

  /**
   * One chunk of a bulk change (the screen sends chunks and shows progress): one request per line
   * that may take it, all in one write; stopped lines and no-op lines are skipped.
   */
  bulkApply(
    actor: Actor,
    customerId: string,
    ids: string[],
    change: BulkChange,
  ): { queued: number; skipped: number } {
    this.checkChange(change)
    const rows = this.queries.byIds(ids).filter((r) => r.customerId === customerId)
    let queued = 0
    const action = change.kind === 'plan' ? 'fleet.bulk.plan' : 'fleet.bulk.options'
    this.repo.write(actor, action, (unit) => {
      const queue = this.queue()
      const matrix = this.catalog.matrix()
      // A line still waiting for an earlier plan or options change is left out (its review row
      // says why), not refused: the rest of the chunk goes on.
      const waiting = queue.pendingConflicts(
        rows.map((r) => r.id),
        change.kind,
      )
      for (const row of rows) {
        const r = this.review(row, change, matrix, waiting)
        const same = r.newPlan === r.previousPlan && r.newOptions.join() === r.previousOptions.join()
        if (r.refusal || same) continue
        queue.enqueue(unit, {
          lineId: row.id,
          action: change.kind,
          payload:
            change.kind === 'plan'
              ? {
                  from: r.previousPlan,
                  to: r.newPlan,
                  options: r.newOptions,
                  dropped: r.flagged,
                  phoneNumber: row.phoneNumber,
                }
              : {
                  add: change.add,
                  remove: change.remove,
                  options: r.newOptions,
                  phoneNumber: row.phoneNumber,
                },
          lineLabel: row.phoneNumber,
        })
        queued++
      }
    })
    return { queued, skipped: ids.length - queued }
  }

  /**
   * What the operator's answer does to the line, inside the queue's write. A refusal leaves the
   * line as it is (the request shows the reason); a confirmation that no longer fits the line's
   * state (stopped meanwhile) is ignored rather than resurrecting it.
   */
  applyOutcome(unit: UnitOfWork, outcome: ProvisioningOutcome): void {
    if (outcome.status !== 'done') return
    const row = unit.db.select().from(fleetLines).where(eq(fleetLines.id, outcome.lineId)).get()
    if (!row) return
    const verdict = checkTransition(row.status as LineStatus, outcome.action)
    if (!verdict.ok) return
    const payload = outcome.payload
    switch (outcome.action) {
      case 'activate':
        unit.update(fleetLineEntity, row.id, { status: 'ACTIVE', activatedAt: unit.now })
        return
      case 'suspend':
      case 'reactivate':
        unit.update(fleetLineEntity, row.id, { status: verdict.to })
        return
      case 'stop':
        // The number stays with the stopped line (its history stays readable), not back in the pool.
        unit.update(fleetLineEntity, row.id, { status: 'STOPPED', stoppedAt: unit.now })
        return
      case 'swap':
        unit.update(fleetLineEntity, row.id, {
          iccid: String(payload.newIccid),
          puk: pukOf(String(payload.newIccid)),
        })
        return
      case 'barrings':
        unit.update(fleetLineEntity, row.id, {
          barrings: JSON.stringify(normalizeBarrings((payload.barrings as string[]) ?? [])),
        })
        return
      case 'payByMobile':
        unit.update(fleetLineEntity, row.id, { payByMobileLimitMinor: Number(payload.limitMinor) })
        return
      case 'plan': {
        const { options } = applyPlanChange(
          this.catalog.matrix(),
          String(payload.to),
          JSON.parse(row.options),
        )
        unit.update(fleetLineEntity, row.id, {
          tariffPlanCode: String(payload.to),
          options: JSON.stringify(options),
        })
        return
      }
      case 'options': {
        const { options } = applyOptionChange(
          this.catalog.matrix(),
          row.tariffPlanCode,
          JSON.parse(row.options),
          (payload.add as string[]) ?? [],
          (payload.remove as string[]) ?? [],
        )
        unit.update(fleetLineEntity, row.id, { options: JSON.stringify(options) })
        return
      }
    }
  }
}
