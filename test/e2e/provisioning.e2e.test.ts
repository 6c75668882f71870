/**
 * The network requests screen as a telecom agent sees it: requests of every state coming back
 * from the demo operator (the in-process sandbox), a refusal in French, a scheduled activation,
 * and a request that got no answer retried with a click — carried out once.
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Provisioning } from '../../main/modules/fleet/provisioning'
import { provisioningRequestEntity } from '../../main/modules/fleet/provisioning/requestStore'
import { type E2eApp, startE2eApp } from './harness'

let app: E2eApp
let page: Page
let provisioning: Provisioning
const ids: Record<string, string> = {}

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout: 20_000 })
  return locator
}

const row = (id: string) => page.locator(`tr[data-request-id="${id}"]`)

describe('network requests, as a telecom agent', () => {
  beforeAll(async () => {
    app = await startE2eApp()
    page = app.page
    await page.emulateMedia({ reducedMotion: 'reduce' })
    provisioning = (app.core.services.fleet as unknown as { provisioning: Provisioning }).provisioning
    const lines = app.core.database.sqlite
      .prepare(
        "SELECT id, phone_number AS phone FROM fleet_lines WHERE status = 'ACTIVE' ORDER BY id LIMIT 4",
      )
      .all() as { id: string; phone: string }[]
    expect(lines.length).toBe(4)
    const repo = app.core.services.repo
    const actor = { staffId: null, deskId: repo.deskId }
    // What the fleet screens record when an agent acts on a line (same queue, same write).
    repo.write(actor, 'fleet.test', (unit) => {
      ids.suspend = provisioning.queue.enqueue(unit, {
        lineId: lines[0]!.id,
        lineLabel: lines[0]!.phone,
        action: 'suspend',
        payload: { phoneNumber: lines[0]!.phone },
      }).requestId
      ids.badSwap = provisioning.queue.enqueue(unit, {
        lineId: lines[1]!.id,
        lineLabel: lines[1]!.phone,
        action: 'swap',
        payload: { oldIccid: '8932000000000000006', newIccid: '8944000000000000008' },
      }).requestId
      ids.scheduled = provisioning.queue.enqueue(unit, {
        lineId: lines[2]!.id,
        lineLabel: lines[2]!.phone,
        action: 'plan',
        effectiveDate: '2099-01-01',
        payload: { from: 'MOBILE_1', to: 'MOBILE_EUROPE', options: [] },
      }).requestId
      // A request that ran out of attempts earlier without an answer from the operator.
      const id = provisioning.queue.enqueue(unit, {
        lineId: lines[3]!.id,
        lineLabel: lines[3]!.phone,
        action: 'barrings',
        payload: { barrings: ['data', 'roamingAll'], previous: [] },
      }).requestId
      unit.update(provisioningRequestEntity, id, {
        state: 'failed',
        attempts: 8,
        reasonCode: 'NO_ANSWER',
        reason: "L'opérateur n'a pas répondu",
        lastError: 'timeout',
        nextAttemptAt: null,
      })
      ids.noAnswer = id
    })
  })

  afterAll(async () => {
    await app?.close()
  })

  it('logs in as an agent and opens the requests screen from the navbar', async () => {
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('youssef')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await page.evaluate(() => {
      window.location.hash = '#/telecom/requests'
    })
    await visible(page.getByRole('heading', { level: 1, name: 'Demandes réseau' }))
    await visible(page.getByRole('link', { name: 'Demandes réseau' }))
  })

  it('shows each request with the operator’s answer: done, refused in French, scheduled', async () => {
    const table = page.getByRole('table', { name: 'Demandes réseau' })
    await visible(table)
    await visible(row(ids.suspend!).getByText('Exécutée'))
    await visible(row(ids.badSwap!).getByText('Échouée'))
    await visible(row(ids.badSwap!).getByText("Carte SIM inconnue de l'opérateur (ICCID invalide)"))
    await visible(row(ids.scheduled!).getByText('Envoyée'))
    await visible(row(ids.scheduled!).getByText('Programmée le 01/01/2099'))
    await visible(row(ids.noAnswer!).getByText(/L’opérateur n’a pas répondu|L'opérateur n'a pas répondu/))
    await visible(page.getByRole('status', { name: 'Opérateur' }).getByText(/joignable/))
    // A refusal cannot be retried (the same key would get the same refusal); no answer can.
    await expect(
      row(ids.badSwap!)
        .getByRole('button', { name: /Relancer/ })
        .count(),
    ).resolves.toBe(0)
    await app.screenshot('provisioning-01-requests')
  })

  it('filters by state', async () => {
    await page
      .getByRole('radiogroup', { name: 'État' })
      .getByText(/Échouée/)
      .click()
    await visible(row(ids.badSwap!))
    await expect.poll(() => row(ids.suspend!).count()).toBe(0)
    await app.screenshot('provisioning-02-failed')
  })

  it('retries the request that got no answer: same key, carried out once', async () => {
    const before = (await provisioning.sandbox())!
    const key = app.core.services.repo.db
      .select()
      .from(provisioningRequestEntity.table)
      .all()
      .find((r) => r.id === ids.noAnswer)!.idempotencyKey
    await row(ids.noAnswer!)
      .getByRole('button', { name: /Relancer la demande Blocages/ })
      .click()
    await visible(page.getByText('Demande relancée avec la même clé'))
    await page
      .getByRole('radiogroup', { name: 'État' })
      .getByText(/Toutes/)
      .click()
    await visible(row(ids.noAnswer!).getByText('Exécutée'))
    const r = app.core.services.repo.db
      .select()
      .from(provisioningRequestEntity.table)
      .all()
      .find((x) => x.id === ids.noAnswer)!
    expect(r).toMatchObject({ state: 'done', idempotencyKey: key })
    expect(before.effects.filter((e) => e.orderId === r.operatorRef)).toHaveLength(1)
    await app.screenshot('provisioning-03-retried')
  })
})
