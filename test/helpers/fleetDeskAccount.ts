/**
 * A business account with lines, for the fleet-desk tests. The lines are written with the fleet
 * area's own entity through the repository (as its seeder does), so that the fleet desk reads them
 * through the fleet area's `linesOf`, exactly as in the app.
 */
import { fleetLineEntity } from '../../main/modules/fleet/fleetEntities'
import { companyInput } from './customers'
import type { TestDesk } from './tempCore'

export interface TestLine {
  id: string
  phoneNumber: string
}

export async function businessAccountWithLines(
  desk: TestDesk,
  count: number,
  name = 'Brasserie Van Damme SA',
): Promise<{ customerId: string; lines: TestLine[] }> {
  const { customer } = await desk.ok('customers.create', companyInput({ companyName: name }))
  const repo = desk.core.services.repo
  const lines = repo.write({ staffId: null, deskId: repo.deskId }, 'test.lines', (unit) =>
    Array.from({ length: count }, (_, i) => {
      const n = String(i + 1).padStart(2, '0')
      const phoneNumber = `+324885${customer.customerNumber.slice(-3)}${n}`
      const row = unit.insert(fleetLineEntity, {
        id: repo.newId(),
        customerId: customer.id,
        phoneNumber,
        numberSource: 'new',
        description: `Employé ${n}`,
        iccid: `893203000000000${customer.customerNumber.slice(-3)}${n}`,
        puk: '12345678',
        status: 'ACTIVE',
        tariffPlanCode: 'MOBILE_1',
        options: '[]',
        billingAccountId: 'none',
        splitBillProfileId: null,
        userTitle: 'none',
        userFirstName: 'Prénom',
        userLastName: `Employé ${n}`,
        userLanguage: 'fr',
        userConfirmed: true,
        barrings: '[]',
        payByMobileLimitMinor: 0,
        searchKey: phoneNumber,
        version: '',
        clocks: '',
        createdAt: unit.now,
        updatedAt: unit.now,
      } as never)
      return { id: row.id, phoneNumber }
    }),
  )
  return { customerId: customer.id, lines }
}
