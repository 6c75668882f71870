import { and, desc, eq, lt, or } from 'drizzle-orm'
import type { z } from 'zod'
import {
  type BlankSimOrder,
  type BlankSimStatus,
  type blankSimListInput,
  type blankSimOrderInput,
  type DeliveryQuote,
  normalizeBelgianMobile,
  type Page,
} from '../../../preload/contract'
import type { Clock } from '../../app/clock'
import { fleetBlankSimOrders } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository } from '../../repo/repository'
import type { BusinessAccounts } from './businessAccounts'
import { belgianDateOf, blankSimExpectedDelivery } from './businessDays'
import { blankSimOrderEntity } from './fleetDeskEntities'
import { decodeNewestCursor, pageOf } from './pagination'
import { nextSeriesNumber } from './staffNames'

type OrderRow = typeof fleetBlankSimOrders.$inferSelect

/** Where an order may go next: shipped then delivered, or cancelled before it ships. */
const NEXT: Record<BlankSimStatus, readonly BlankSimStatus[]> = {
  ordered: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
}

export function canMoveBlankSimOrder(from: BlankSimStatus, to: BlankSimStatus): boolean {
  return NEXT[from].includes(to)
}

function toOrder(r: OrderRow): BlankSimOrder {
  return {
    id: r.id,
    customerId: r.customerId,
    orderNumber: r.orderNumber,
    quantity: r.quantity,
    address: {
      country: r.country,
      postalCode: r.postalCode,
      city: r.city,
      street: r.street,
      houseNumber: r.houseNumber,
      ...(r.suffix ? { suffix: r.suffix } : {}),
      ...(r.box ? { box: r.box } : {}),
    },
    message: r.message,
    contactEmail: r.contactEmail,
    contactMobile: r.contactMobile,
    orderedOn: r.orderedOn,
    expectedDelivery: r.expectedDelivery,
    status: r.status,
    createdAt: r.createdAt,
  }
}

/** Blank SIM cards for new activations or swaps, in tens, delivered in two Belgian business days. */
export class BlankSimService {
  constructor(
    private readonly repo: Repository,
    private readonly clock: Clock,
    private readonly accounts: BusinessAccounts,
  ) {}

  quote(): DeliveryQuote {
    const orderedOn = belgianDateOf(this.clock.now())
    return { orderedOn, expectedDelivery: blankSimExpectedDelivery(orderedOn) }
  }

  list(input: z.output<typeof blankSimListInput>): Page<BlankSimOrder> {
    this.accounts.assertBusiness(input.customerId)
    const t = fleetBlankSimOrders
    const after = input.cursor ? decodeNewestCursor(input.cursor) : null
    const rows = this.repo.db
      .select()
      .from(t)
      .where(
        and(
          eq(t.customerId, input.customerId),
          after
            ? or(lt(t.createdAt, after[0]), and(eq(t.createdAt, after[0]), lt(t.id, after[1])))
            : undefined,
        ),
      )
      .orderBy(desc(t.createdAt), desc(t.id))
      .limit(input.limit + 1)
      .all()
    return pageOf(rows, input.limit, toOrder)
  }

  order(actor: Actor, input: z.output<typeof blankSimOrderInput>): BlankSimOrder {
    this.accounts.assertBusiness(input.customerId)
    const contactMobile = input.contactMobile ? normalizeBelgianMobile(input.contactMobile) : null
    if (input.contactMobile && !contactMobile) throw AppError.field('contactMobile', 'validation.phone')
    const { orderedOn, expectedDelivery } = this.quote()
    const a = input.address
    const row = this.repo.write(actor, 'fleetDesk.blankSims.order', (unit) =>
      unit.insert(blankSimOrderEntity, {
        id: this.repo.newId(),
        customerId: input.customerId,
        orderNumber: nextSeriesNumber(this.repo, 'fleet_blank_sim_orders', 'order_number', 'SIM'),
        quantity: input.quantity,
        country: a.country,
        postalCode: a.postalCode,
        city: a.city,
        street: a.street,
        houseNumber: a.houseNumber,
        suffix: a.suffix || null,
        box: a.box || null,
        message: input.message || null,
        contactEmail: input.contactEmail || null,
        contactMobile,
        orderedOn,
        expectedDelivery,
        status: 'ordered',
        version: '',
        clocks: '',
        createdAt: unit.now,
        updatedAt: unit.now,
      }),
    )
    return toOrder(row)
  }

  setStatus(actor: Actor, id: string, status: BlankSimStatus): BlankSimOrder {
    const current = this.repo.db
      .select()
      .from(fleetBlankSimOrders)
      .where(eq(fleetBlankSimOrders.id, id))
      .get()
    if (!current) throw new AppError('NOT_FOUND', { entity: 'fleet_blank_sim_order', id })
    if (!canMoveBlankSimOrder(current.status, status))
      throw AppError.field('status', 'validation.blankSimTransition')
    const { row } = this.repo.write(actor, 'fleetDesk.blankSims.status', (unit) =>
      unit.update(blankSimOrderEntity, id, { status }),
    )
    return toOrder(row)
  }
}
