/**
 * A desk process for provisioning-restart.test.ts: enqueues one activation and sends it to the
 * operator at argv[3]; the test kills it (SIGKILL) while the operator holds the answer back.
 * Usage: provisioning-kill-desk.ts <dataDir> <operatorUrl>
 */
import { createCore } from '../../main/app/core'
import { createProvisioning } from '../../main/modules/fleet/provisioning'
import { areaDeps, networkIccid } from './provisioning-harness'

const [dataDir, operatorUrl] = process.argv.slice(2)
const core = await createCore({
  dataDir: dataDir!,
  deskId: 'K01',
  demo: false,
  host: 'browser',
  version: 'test',
})
const clock = { now: () => new Date() }
const provisioning = createProvisioning(areaDeps(core, clock), () => {}, {
  operatorUrl: operatorUrl!,
  timeoutMs: 120_000,
})
const repo = core.services.repo
const { requestId } = repo.write({ staffId: null, deskId: 'K01' }, 'fleet.activate', (unit) =>
  provisioning.queue.enqueue(unit, {
    lineId: repo.newId(),
    action: 'activate',
    payload: { iccid: networkIccid('4242'), msisdn: '+32470004242' },
  }),
)
console.log(`enqueued ${requestId}`)
await provisioning.worker.runOnce()
console.log('answered')
