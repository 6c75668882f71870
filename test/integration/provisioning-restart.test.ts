/**
 * A desk killed between sending a request and reading the answer: the operator has the order, the
 * desk only knows it queued it. At the next start it sends it again with the same idempotency key,
 * and the operator answers the order it already has: one order, one effect.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, expect, it } from 'vitest'
import { manualClock, provisioningDesk, startSandboxOperator } from './provisioning-harness'

const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'guichet-prov-kill-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('idempotency across a desk killed (SIGKILL) between send and answer', { timeout: 60_000 }, async () => {
  const clock = manualClock(new Date().toISOString())
  const sandbox = await startSandboxOperator({ clock, processingMs: 1000 })
  // The operator takes the order and carries it out, but holds its answer for a minute.
  sandbox.inject({ on: 'submit', kind: 'slow', ms: 60_000 })
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'test/integration/provisioning-kill-desk.ts'), dir, sandbox.url],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString()
  })
  let requestId = ''
  for await (const line of createInterface({ input: child.stdout! })) {
    const m = /^enqueued (\w+)$/.exec(line)
    if (m) {
      requestId = m[1]!
      break
    }
  }
  expect(requestId, stderr).toMatch(/^[0-9A-Z]{26}$/)
  while (sandbox.orders().length === 0) await new Promise((r) => setTimeout(r, 20))
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGKILL')
  await exited

  const d = await provisioningDesk(clock, sandbox, { dir, deskId: 'K01' })
  try {
    expect(d.row(requestId)).toMatchObject({ state: 'queued', attempts: 0, operatorRef: null })
    // The desk starts again a little later; the operator has carried the order out meanwhile.
    clock.advance(10_000)
    await d.provisioning.worker.runOnce()
    const order = sandbox.orders()[0]!
    expect(d.row(requestId)).toMatchObject({ state: 'done', operatorRef: order.id, attempts: 1 })
    expect(sandbox.calls.submit).toBe(2)
    expect(sandbox.orders()).toHaveLength(1)
    expect(sandbox.effects).toHaveLength(1)
    expect(d.outcomes).toEqual([expect.objectContaining({ requestId, status: 'done' })])
  } finally {
    d.provisioning.stop()
    d.desk.core.close()
    await sandbox.close()
  }
})
