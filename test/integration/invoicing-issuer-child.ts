/**
 * One of several processes issuing invoices on the same desk database at once:
 *   node --import tsx test/integration/invoicing-issuer-child.ts '<json options>'
 * Prints one line per invoice issued (`ISSUED <number>`), then DONE.
 */
import { createCore } from '../../main/app/core'
import { serviceInvoiceInput } from '../../preload/contract/invoicing'

const options = JSON.parse(process.argv[2] ?? '{}') as {
  dir: string
  deskId: string
  customerId: string
  count: number
  tag: string
}
const core = await createCore({
  dataDir: options.dir,
  deskId: options.deskId,
  demo: false,
  host: 'browser',
  version: 'test',
})
const actor = { staffId: null, deskId: options.deskId }
// Half of them fired together inside the process too, so both kinds of concurrency are exercised.
const jobs = Array.from({ length: options.count }, (_, i) =>
  core.services.invoicing.invoices
    .issueService(
      actor,
      serviceInvoiceInput.parse({
        customerId: options.customerId,
        label: `${options.tag} #${i}`,
        lines: [{ label: `Grutage ${options.tag}`, quantity: '1', unitPrice: `${10 + i},00`, vatRate: '20' }],
      }),
    )
    .then((invoice) => process.stdout.write(`ISSUED ${invoice.invoiceNumber}\n`)),
)
await Promise.all(jobs)
core.close()
process.stdout.write('DONE\n')
