import { eq } from 'drizzle-orm'
import type { FileDownload } from '../../../preload/contract/common'
import type { Customer } from '../../../preload/contract/customers'
import type {
  BerthOccupant,
  HarbourContract,
  HarbourContractData,
  HarbourContractSummary,
  HarbourPricingLine,
  HarbourQuote,
  SignatureStepRecord,
} from '../../../preload/contract/harbour'
import type { Clock } from '../../app/clock'
import { harbourContracts, harbourSignatureSteps } from '../../db/schema'
import { type ContractPdfData, renderContractPdf } from '../../documents/contractPdf'
import type { DocumentStore } from '../../documents/documentStore'
import { AppError } from '../../ipc/appError'
import { type Actor, type Repository, RepositoryError, type UnitOfWork } from '../../repo/repository'
import type { CustomerService } from '../customers/customerService'
import type { BerthService } from './berthService'
import type { BoatService } from './boatService'
import type { ContractInvoiceBasis } from './contractInvoiceBasis'
import {
  boatTypeLabel,
  contractKindLabel,
  contractTypeLabel,
  invoiceLabel,
  paymentMethodLabel,
  pricedLineLabel,
  signatureStepLabel,
} from './contractLabels'
import { checkSignatureStep, effectiveEnd, type SignatureStep } from './contractState'
import { contractEntity, newRecordMeta, signatureStepEntity } from './harbourEntities'
import type { IssuerStore } from './issuerStore'
import { occupancyOf } from './occupancy'
import { type Pricing, priceContract } from './tariffRules'
import type { TariffService } from './tariffService'

type ContractRow = typeof harbourContracts.$inferSelect

export const SIGNED_CONTRACT_KIND = 'contract_signed'

interface SummaryRow {
  id: string
  contract_number: string
  kind: HarbourContractSummary['kind']
  customer_id: string
  customer_name: string
  boat_id: string
  boat_name: string
  berth_id: string | null
  berth_code: string | null
  contract_type: HarbourContractSummary['contractType']
  start_date: string
  end_date: string
  status: HarbourContractSummary['status']
  total_gross_minor: number
  currency: string
  created_at: string
  cut: string | null
}

const SUMMARY_SQL = `SELECT c.id, c.contract_number, c.kind, c.customer_id, cu.display_name AS customer_name,
  c.boat_id, bo.name AS boat_name, c.berth_id, be.code AS berth_code, c.contract_type, c.start_date,
  c.end_date, c.status, c.total_gross_minor, c.currency, c.created_at,
  (SELECT min(f.start_date) FROM harbour_contracts f WHERE f.references_id = c.id AND f.status != 'cancelled') AS cut
  FROM harbour_contracts c
  JOIN customers cu ON cu.id = c.customer_id
  JOIN harbour_boats bo ON bo.id = c.boat_id
  LEFT JOIN harbour_berths be ON be.id = c.berth_id`

function toSummary(r: SummaryRow): HarbourContractSummary {
  return {
    id: r.id,
    contractNumber: r.contract_number,
    kind: r.kind,
    customerId: r.customer_id,
    customerName: r.customer_name,
    boatId: r.boat_id,
    boatName: r.boat_name,
    berthId: r.berth_id,
    berthCode: r.berth_code,
    contractType: r.contract_type,
    startDate: r.start_date,
    endDate: r.end_date,
    effectiveEndDate: r.kind === 'termination' ? r.end_date : effectiveEnd(r.end_date, r.cut ? [r.cut] : []),
    status: r.status,
    totalGrossMinor: r.total_gross_minor,
    currency: r.currency,
    createdAt: r.created_at,
  }
}

export interface ContractServiceDeps {
  repo: Repository
  clock: Clock
  customers: CustomerService
  documents: DocumentStore
  boats: BoatService
  berths: BerthService
  tariffs: TariffService
  issuer: IssuerStore
}

/**
 * Berth contracts: quote, draft, the three signature steps, amendments and terminations, the PDF
 * and what invoicing needs. Every refusal a clerk can fix is a field error; every operation is one
 * repository write, so a refused one writes nothing.
 */
export class ContractService {
  constructor(private readonly d: ContractServiceDeps) {}

  private get repo() {
    return this.d.repo
  }

  row(id: string): ContractRow {
    const row = this.repo.db.select().from(harbourContracts).where(eq(harbourContracts.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND', { entity: 'harbour_contract', id })
    return row
  }

  quote(
    input: {
      boatId: string
      contractType: HarbourContractData['contractType']
      startDate: string
      endDate: string
    },
    berthCode = '',
  ): HarbourQuote {
    const boat = this.d.boats.row(input.boatId)
    const pricing = this.price(input.contractType, input.startDate, input.endDate, boat.lengthCm)
    return quoteOf(input.contractType, pricing, berthCode)
  }

  private price(
    type: HarbourContractData['contractType'],
    startDate: string,
    endDate: string,
    lengthCm: number,
  ): Pricing {
    const result = priceContract(
      { contractType: type, startDate, endDate, lengthCm },
      this.d.tariffs.versions(),
    )
    if ('problem' in result)
      throw AppError.field('contractType', 'validation.noTariff', { date: result.date })
    return result
  }

  create(actor: Actor, data: HarbourContractData): HarbourContract {
    return this.get(this.createRecord(actor, data))
  }

  /** Creates the draft and answers its id only (the demo seeder makes hundreds). */
  createRecord(actor: Actor, data: HarbourContractData): string {
    return this.repo.write(actor, 'harbour.contract.create', (unit) => {
      const values = this.checkedValues(data, null)
      const row = unit.insert(contractEntity, {
        id: this.repo.newId(),
        contractNumber: this.nextNumber(data.startDate),
        kind: data.amendsId ? 'amendment' : 'contract',
        referencesId: data.amendsId ?? null,
        status: 'draft',
        signedAt: null,
        signedSha256: null,
        deskId: this.repo.deskId,
        ...values,
        ...newRecordMeta(unit.now),
      })
      return row.id
    })
  }

  update(actor: Actor, id: string, data: HarbourContractData, expectedVersion?: string): HarbourContract {
    try {
      this.repo.write(actor, 'harbour.contract.update', (unit) => {
        const current = this.row(id)
        if (current.status !== 'draft' || current.kind === 'termination')
          throw new AppError('CONFLICT', { reason: 'contractNotEditable', status: current.status })
        if ((data.amendsId ?? null) !== current.referencesId)
          throw AppError.field('amendsId', 'validation.invalidValue')
        unit.update(
          contractEntity,
          id,
          this.checkedValues(data, id),
          expectedVersion ? { expectedVersion } : {},
        )
      })
    } catch (error) {
      if (error instanceof RepositoryError) throw new AppError(error.code, error.details)
      throw error
    }
    return this.get(id)
  }

  cancel(actor: Actor, id: string): HarbourContract {
    this.repo.write(actor, 'harbour.contract.cancel', (unit) => {
      const current = this.row(id)
      if (current.status !== 'draft')
        throw new AppError('CONFLICT', { reason: 'contractNotEditable', status: current.status })
      unit.update(contractEntity, id, { status: 'cancelled' })
    })
    return this.get(id)
  }

  /** A termination is its own record, effective from `effectiveDate`: the berth is free from that night. */
  terminate(actor: Actor, id: string, effectiveDate: string, reason: string): HarbourContract {
    const termId = this.repo.write(actor, 'harbour.contract.terminate', (unit) => {
      const original = this.row(id)
      if (original.status !== 'signed' || original.kind === 'termination')
        throw new AppError('CONFLICT', { reason: 'contractNotSigned', status: original.status })
      const end = this.summary(id).effectiveEndDate
      if (effectiveDate < original.startDate || effectiveDate > end)
        throw AppError.field('effectiveDate', 'validation.terminationOutsidePeriod', {
          from: original.startDate,
          to: end,
        })
      return unit.insert(contractEntity, {
        id: this.repo.newId(),
        contractNumber: this.nextNumber(effectiveDate),
        kind: 'termination',
        referencesId: original.id,
        customerId: original.customerId,
        boatId: original.boatId,
        berthId: null,
        contractType: original.contractType,
        startDate: effectiveDate,
        endDate: effectiveDate,
        homePort: original.homePort,
        paymentMethod: original.paymentMethod,
        instalments: 1,
        currency: original.currency,
        pricing: '[]',
        totalNetMinor: 0,
        totalVatMinor: 0,
        totalGrossMinor: 0,
        boatSnapshot: original.boatSnapshot,
        status: 'signed',
        signedAt: unit.now,
        signedSha256: null,
        notes: reason,
        deskId: this.repo.deskId,
        ...newRecordMeta(unit.now),
      }).id
    })
    return this.get(termId)
  }

  /**
   * Records a signature step. Steps go in order; the third renders the signed PDF (with the
   * signing moment in the harbour's time zone), archives it with its SHA-256 and signs the
   * contract, all in one write.
   */
  async signStep(actor: Actor, id: string, step: SignatureStep): Promise<HarbourContract> {
    const check = () => {
      const current = this.row(id)
      const refusal = checkSignatureStep(
        current.status,
        this.stepRows(id).map((s) => s.step),
        step,
      )
      if (refusal === 'notDraft')
        throw new AppError('CONFLICT', { reason: 'contractNotEditable', status: current.status })
      if (refusal)
        throw AppError.field(
          `step${step}`,
          `validation.signature${refusal === 'outOfOrder' ? 'OutOfOrder' : 'AlreadyDone'}`,
        )
      return current
    }
    const at = this.d.clock.now().toISOString()
    const append = (unit: UnitOfWork) =>
      unit.append(signatureStepEntity, {
        id: this.repo.newId(),
        contractId: id,
        step,
        at,
        staffId: actor.staffId,
        deskId: actor.deskId,
        createdAt: unit.now,
      })
    if (step < 3) {
      this.repo.write(actor, `harbour.contract.signStep${step}`, (unit) => {
        check()
        append(unit)
      })
      return this.get(id)
    }
    check()
    const steps = [
      ...this.stepRecords(id),
      {
        step: 3 as const,
        at,
        staffId: actor.staffId,
        staffName: this.staffName(actor.staffId),
        deskId: actor.deskId,
      },
    ]
    const pdf = await renderContractPdf(this.pdfData(this.row(id), { signedAt: at, steps }))
    this.repo.write(actor, 'harbour.contract.sign', (unit) => {
      const current = check()
      append(unit)
      this.d.documents.keep(unit, {
        kind: SIGNED_CONTRACT_KIND,
        ownerEntity: contractEntity.name,
        ownerId: id,
        fileName: `contrat-${current.contractNumber}-signe.pdf`,
        mimeType: 'application/pdf',
        bytes: pdf.bytes,
      })
      unit.update(contractEntity, id, { status: 'signed', signedAt: at, signedSha256: pdf.sha256 })
    })
    return this.get(id)
  }

  /**
   * A contract signed on paper before the desk used Guichet (taken over from the previous system):
   * signed, with no signature steps and no archived PDF. Used by the demo seeder and imports.
   */
  recordPaperSignature(actor: Actor, id: string, signedAt: string): void {
    this.repo.write(actor, 'harbour.contract.paperSignature', (unit) => {
      const current = this.row(id)
      if (current.status !== 'draft')
        throw new AppError('CONFLICT', { reason: 'contractNotEditable', status: current.status })
      unit.update(contractEntity, id, { status: 'signed', signedAt })
    })
  }

  /** The contract's PDF: the archived signed copy once signed (byte for byte), a draft otherwise. */
  async pdf(id: string): Promise<FileDownload> {
    const row = this.row(id)
    const archived =
      row.status === 'signed' && this.d.documents.list(contractEntity.name, id, SIGNED_CONTRACT_KIND)[0]
    if (archived) return this.d.documents.download(archived.id)
    // A draft, a termination, or a contract signed on paper or at another desk (archives are desk-local).
    const signature =
      row.status === 'signed' && row.signedAt ? { signedAt: row.signedAt, steps: this.stepRecords(id) } : null
    const { bytes, sha256 } = await renderContractPdf(this.pdfData(row, signature))
    return {
      fileName: `contrat-${row.contractNumber}.pdf`,
      mimeType: 'application/pdf',
      base64: bytes.toString('base64'),
      sha256,
    }
  }

  signedPdf(id: string): FileDownload {
    this.row(id)
    const doc = this.d.documents.list(contractEntity.name, id, SIGNED_CONTRACT_KIND)[0]
    if (!doc) throw new AppError('NOT_FOUND', { entity: 'signed_contract', id })
    return this.d.documents.download(doc.id)
  }

  summary(id: string): HarbourContractSummary {
    const row = this.repo.sqlite.prepare(`${SUMMARY_SQL} WHERE c.id = ?`).get(id) as SummaryRow | undefined
    if (!row) throw new AppError('NOT_FOUND', { entity: 'harbour_contract', id })
    return toSummary(row)
  }

  get(id: string): HarbourContract {
    const row = this.row(id)
    const followers = (
      this.repo.sqlite
        .prepare(`${SUMMARY_SQL} WHERE c.references_id = ? ORDER BY c.start_date, c.id LIMIT 50`)
        .all(id) as SummaryRow[]
    ).map(toSummary)
    return {
      ...this.summary(id),
      referencesId: row.referencesId,
      homePort: row.homePort,
      paymentMethod: row.paymentMethod,
      instalments: row.instalments,
      pricing: JSON.parse(row.pricing) as HarbourPricingLine[],
      totalNetMinor: row.totalNetMinor,
      totalVatMinor: row.totalVatMinor,
      boat: JSON.parse(row.boatSnapshot),
      notes: row.notes,
      signatureSteps: this.stepRecords(id),
      signedAt: row.signedAt,
      signedSha256: row.signedSha256,
      followers,
      version: row.version,
    }
  }

  /** Newest first, keyset on (created_at, id). */
  list(input: {
    customerId?: string | undefined
    status?: string | undefined
    cursor?: string | undefined
    limit: number
  }) {
    let after: [string, string] | null = null
    if (input.cursor) {
      try {
        after = JSON.parse(Buffer.from(input.cursor, 'base64url').toString()) as [string, string]
      } catch {
        throw AppError.field('cursor', 'validation.cursor')
      }
    }
    const rows = this.repo.sqlite
      .prepare(
        `${SUMMARY_SQL} WHERE (@customer IS NULL OR c.customer_id = @customer) AND (@status IS NULL OR c.status = @status)
         AND (@at IS NULL OR (c.created_at, c.id) < (@at, @id))
         ORDER BY c.created_at DESC, c.id DESC LIMIT @limit`,
      )
      .all({
        customer: input.customerId ?? null,
        status: input.status ?? null,
        at: after?.[0] ?? null,
        id: after?.[1] ?? null,
        limit: input.limit + 1,
      }) as SummaryRow[]
    const items = rows.slice(0, input.limit).map(toSummary)
    const last = items.at(-1)
    return {
      items,
      nextCursor:
        rows.length > input.limit && last
          ? Buffer.from(JSON.stringify([last.createdAt, last.id])).toString('base64url')
          : null,
    }
  }

  /** What invoicing needs to issue the contract's invoice (see contractInvoiceBasis.ts). */
  invoiceBasis(id: string): ContractInvoiceBasis {
    const row = this.row(id)
    if (row.status === 'cancelled' || row.kind === 'termination')
      throw new AppError('CONFLICT', { reason: 'contractNotInvoiceable', status: row.status })
    const lines = JSON.parse(row.pricing) as HarbourPricingLine[]
    return {
      contractId: row.id,
      customerId: row.customerId,
      currency: row.currency,
      label: invoiceLabel(row.contractType),
      lines: lines.map((l) => ({
        label: `${l.label} (contrat ${row.contractNumber})`,
        quantity: l.quantity,
        unitNetMinor: l.unitNetMinor,
        vatRateBp: l.vatRateBp,
      })),
      instalments: row.instalments,
    }
  }

  /** Who holds a berth on a date, and who comes next. */
  occupant(berthId: string, date: string): BerthOccupant {
    const berth = this.d.berths.berth(berthId)
    const holder = this.d.berths.holderOn(berthId, date)
    const contract = holder ? this.summary(holder) : null
    const upcoming = (
      this.repo.sqlite
        .prepare(
          `${SUMMARY_SQL} WHERE c.berth_id = ? AND c.start_date > ? AND c.status != 'cancelled' ORDER BY c.start_date, c.id LIMIT 5`,
        )
        .all(berthId, date) as SummaryRow[]
    ).map(toSummary)
    return {
      berth,
      date,
      occupancy: occupancyOf(berth.status, contract),
      contract,
      upcoming,
    }
  }

  // ---------- internals ----------

  /** Checks a draft's data against the boat, the berth and the other contracts; the columns to store. */
  private checkedValues(data: HarbourContractData, selfId: string | null) {
    let customer: Customer
    try {
      customer = this.d.customers.get(data.customerId)
    } catch {
      throw AppError.field('customerId', 'validation.unknownCustomer')
    }
    let boat: ReturnType<BoatService['row']>
    try {
      boat = this.d.boats.row(data.boatId)
    } catch {
      throw AppError.field('boatId', 'validation.unknownBoat')
    }
    if (boat.customerId !== customer.id) throw AppError.field('boatId', 'validation.boatNotOwned')
    let fit: ReturnType<BerthService['fits']>
    try {
      fit = this.d.berths.fits(boat, data.berthId)
    } catch {
      throw AppError.field('berthId', 'validation.unknownBerth')
    }
    const [problem] = fit.problems
    if (problem === 'outOfService') throw AppError.field('berthId', 'validation.berthOutOfService')
    if (problem === 'tooLong')
      throw AppError.field('berthId', 'validation.boatTooLong', {
        boat: boat.lengthCm / 100,
        berth: fit.berth.maxLengthCm / 100,
      })
    if (problem === 'tooWide')
      throw AppError.field('berthId', 'validation.boatTooWide', {
        boat: boat.beamCm / 100,
        berth: fit.berth.maxBeamCm / 100,
      })

    const except = [selfId, data.amendsId].filter((x): x is string => !!x)
    if (data.amendsId) this.checkAmended(data)
    const [taken] = this.d.berths.holdersDuring(data.berthId, data.startDate, data.endDate, except)
    if (taken) {
      const other = this.summary(taken)
      throw AppError.field('berthId', 'validation.berthTaken', {
        number: other.contractNumber,
        from: other.startDate,
        to: other.effectiveEndDate,
      })
    }
    const boatElsewhere = this.repo.sqlite
      .prepare(
        `SELECT c.id FROM harbour_contracts c WHERE c.boat_id = @boat AND c.berth_id IS NOT NULL AND
         c.status != 'cancelled' AND c.kind != 'termination' AND c.start_date <= @end AND c.end_date >= @start
         AND NOT EXISTS (SELECT 1 FROM harbour_contracts f WHERE f.references_id = c.id AND f.status != 'cancelled' AND f.start_date <= @start)`,
      )
      .all({ boat: boat.id, start: data.startDate, end: data.endDate }) as { id: string }[]
    const elsewhere = boatElsewhere.find((r) => !except.includes(r.id))
    if (elsewhere)
      throw AppError.field('boatId', 'validation.boatAlreadyBerthed', {
        number: this.summary(elsewhere.id).contractNumber,
      })

    const pricing = this.price(data.contractType, data.startDate, data.endDate, boat.lengthCm)
    const lines = quoteOf(data.contractType, pricing, fit.berth.code).lines
    return {
      customerId: customer.id,
      boatId: boat.id,
      berthId: fit.berth.id,
      contractType: data.contractType,
      startDate: data.startDate,
      endDate: data.endDate,
      homePort: data.homePort,
      paymentMethod: data.paymentMethod,
      instalments: data.instalments,
      currency: pricing.currency,
      pricing: JSON.stringify(lines),
      totalNetMinor: pricing.totalNetMinor,
      totalVatMinor: pricing.totalVatMinor,
      totalGrossMinor: pricing.totalGrossMinor,
      boatSnapshot: JSON.stringify({
        name: boat.name,
        registration: boat.registration,
        boatType: boat.boatType,
        lengthCm: boat.lengthCm,
        beamCm: boat.beamCm,
        draughtCm: boat.draughtCm,
      }),
      notes: data.notes ? data.notes : null,
    }
  }

  private checkAmended(data: HarbourContractData) {
    let original: ContractRow
    try {
      original = this.row(data.amendsId!)
    } catch {
      throw AppError.field('amendsId', 'validation.unknownContract')
    }
    if (original.status !== 'signed' || original.kind === 'termination')
      throw AppError.field('amendsId', 'validation.amendOnlySigned')
    if (original.customerId !== data.customerId)
      throw AppError.field('customerId', 'validation.amendSameCustomer')
    const end = this.summary(original.id).effectiveEndDate
    if (data.startDate <= original.startDate || data.startDate > end)
      throw AppError.field('startDate', 'validation.amendOutsidePeriod', {
        from: original.startDate,
        to: end,
      })
  }

  /** Per desk and year: `CT-2026-C01-00042`, so two offline desks never hand out the same number. */
  private nextNumber(date: string): string {
    const prefix = `CT-${date.slice(0, 4)}-${this.repo.deskId}-`
    const row = this.repo.sqlite
      .prepare('SELECT max(contract_number) AS n FROM harbour_contracts WHERE contract_number LIKE ?')
      .get(`${prefix}%`) as { n: string | null }
    const last = row.n ? Number(row.n.slice(prefix.length)) : 0
    return `${prefix}${String(last + 1).padStart(5, '0')}`
  }

  private stepRows(id: string) {
    return this.repo.db
      .select()
      .from(harbourSignatureSteps)
      .where(eq(harbourSignatureSteps.contractId, id))
      .orderBy(harbourSignatureSteps.step)
      .all()
  }

  private staffName(staffId: string | null): string | null {
    if (!staffId) return null
    const row = this.repo.sqlite.prepare('SELECT display_name AS n FROM staff WHERE id = ?').get(staffId) as
      | { n: string }
      | undefined
    return row?.n ?? null
  }

  private stepRecords(id: string): SignatureStepRecord[] {
    return this.stepRows(id).map((s) => ({
      step: s.step as 1 | 2 | 3,
      at: s.at,
      staffId: s.staffId,
      staffName: this.staffName(s.staffId),
      deskId: s.deskId,
    }))
  }

  private pdfData(
    row: ContractRow,
    signature: { signedAt: string; steps: SignatureStepRecord[] } | null,
  ): ContractPdfData {
    const issuer = this.d.issuer.get()
    const customer = this.d.customers.get(row.customerId)
    const boat = JSON.parse(row.boatSnapshot) as HarbourContract['boat']
    const berth = row.berthId ? this.d.berths.berth(row.berthId) : null
    const references = row.referencesId ? this.row(row.referencesId).contractNumber : null
    return {
      issuer,
      timeZone: issuer.timeZone,
      contractNumber: row.contractNumber,
      kindLabel: contractKindLabel[row.kind],
      typeLabel: contractTypeLabel[row.contractType],
      createdAt: row.createdAt,
      customer: {
        number: customer.customerNumber,
        name: customer.displayName,
        addressLines: [
          customer.address.street,
          `${customer.address.postalCode} ${customer.address.city}`,
          customer.address.country,
        ],
        email: customer.email,
        phone: customer.phones[0]?.number ?? null,
      },
      boat: { ...boat, typeLabel: boatTypeLabel[boat.boatType] },
      berth: berth
        ? {
            code: berth.code,
            pontoon: berth.pontoonCode,
            maxLengthCm: berth.maxLengthCm,
            maxBeamCm: berth.maxBeamCm,
          }
        : null,
      startDate: row.startDate,
      endDate: row.endDate,
      homePort: row.homePort,
      paymentLabel: paymentMethodLabel[row.paymentMethod],
      instalments: row.instalments,
      currency: row.currency,
      lines: JSON.parse(row.pricing) as HarbourPricingLine[],
      totalNetMinor: row.totalNetMinor,
      totalVatMinor: row.totalVatMinor,
      totalGrossMinor: row.totalGrossMinor,
      references: references
        ? `${row.kind === 'termination' ? 'Résilie' : 'Modifie'} le contrat ${references}`
        : null,
      notes: row.notes,
      signature: signature
        ? {
            signedAt: signature.signedAt,
            steps: signature.steps.map((s) => ({
              step: s.step,
              label: `le titulaire ${signatureStepLabel[s.step]}`,
              at: s.at,
              by: `${s.staffName ?? 'système'}, guichet ${s.deskId}`,
            })),
          }
        : null,
    }
  }
}

function quoteOf(
  type: HarbourContractData['contractType'],
  pricing: Pricing,
  berthCode: string,
): HarbourQuote {
  return {
    currency: pricing.currency,
    lines: pricing.lines.map((l) => ({
      label: pricedLineLabel(type, l, berthCode),
      quantity: l.quantity,
      unitNetMinor: l.unitNetMinor,
      vatRateBp: l.vatRateBp,
      tariffId: l.tariffId,
    })),
    totalNetMinor: pricing.totalNetMinor,
    totalVatMinor: pricing.totalVatMinor,
    totalGrossMinor: pricing.totalGrossMinor,
  }
}
