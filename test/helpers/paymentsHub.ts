/**
 * The common ground of the payments integration tests: a desk enrolled at a real hub and synced to
 * it over HTTP, the customer who pays, the invoice she pays, and the sandbox gateways' settings.
 */

import type { HubDb } from '../../hub/db/types'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import { httpTransport } from '../../main/sync/hubTransport'
import type { InputOf } from '../../preload/contract'
import { type TestDesk, tempDesk } from './tempCore'

/** Monetico's test TPE and key, paying through the hub's sandbox bank page. */
export const MONETICO_SANDBOX = {
  tpe: '1234567',
  key: '12345678901234567890123456789012345678P0',
  company: 'portsaintemarie',
  paymentUrl: '/sandbox/monetico/paiement.cgi',
}

/** CMI's test store, paying through the hub's sandbox 3-D Secure page. */
export const CMI_SANDBOX = {
  clientId: '600002599',
  storeKey: 'TEST1234',
  gatewayUrl: '/sandbox/cmi/fim/est3Dgate',
}

/** Enrols `deskId` at the hub (site `site`) and attaches the desk's sync to it over HTTP. */
export async function attachToHub(db: HubDb, hubUrl: string, desk: TestDesk, deskId: string) {
  const { code } = await createEnrolmentCode(db, deskId, 'site')
  const { credential } = await enrolDesk(db, code, deskId)
  desk.core.services.sync.attach('hub', { hubUrl, site: 'site' }, httpTransport(hubUrl, credential))
}

/** A desk `deskId` enrolled at the hub, synced to it, with Claire logged in. */
export async function deskAtHub(db: HubDb, hubUrl: string, deskId: string): Promise<TestDesk> {
  const desk = await tempDesk({ deskId })
  await attachToHub(db, hubUrl, desk, deskId)
  await desk.login('claire')
  return desk
}

/** Marie Durand of La Rochelle, the customer who pays; `extra` adds her email, phones… */
export async function createMarie(
  desk: TestDesk,
  extra: Partial<InputOf<'customers.create'>> = {},
  connectionId?: string,
): Promise<string> {
  const { customer } = await desk.ok(
    'customers.create',
    {
      kind: 'person',
      firstName: 'Marie',
      lastName: 'Durand',
      ...extra,
      address: { street: '1 quai Duperré', postalCode: '17000', city: 'La Rochelle', country: 'FR' },
    },
    connectionId,
  )
  return customer.id
}

/** A service invoice of `grossMinor` (VAT 20 % included), issued at `deskId` on 2026-11-22. */
export function serviceInvoice(
  desk: TestDesk,
  deskId: string,
  customerId: string,
  grossMinor: number,
  currency: 'EUR' | 'MAD' = 'EUR',
) {
  const net = Math.round(grossMinor / 1.2)
  return desk.core.services.billing.issueInvoice(
    { staffId: null, deskId },
    {
      customerId,
      kind: 'service',
      label: 'Facture de prestation',
      issueDate: '2026-11-22',
      currency,
      totalNetMinor: net,
      totalVatMinor: grossMinor - net,
    },
  )
}
