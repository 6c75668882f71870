import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Clock, fixedClock } from '../../main/app/clock'
import { type Core, createCore } from '../../main/app/core'
import type { CallContext } from '../../main/ipc/router'
import type { HubLinkStore } from '../../main/sync/hubLinkStore'
import type { ChannelName, InputOf, OutputOf } from '../../preload/contract'
import type { WireResult } from '../../preload/errors'

export interface TestDesk {
  core: Core
  dir: string
  /** Calls a channel through the router as the given connection, like a transport would. */
  call<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    connectionId?: string,
  ): Promise<WireResult<OutputOf<C>>>
  /** Same, but throws unless the call succeeded, and returns its data. */
  ok<C extends ChannelName>(channel: C, input: InputOf<C>, connectionId?: string): Promise<OutputOf<C>>
  login(username: string, connectionId?: string): Promise<void>
  dispose(): void
}

export interface TempDeskOptions {
  deskId?: string
  clock?: Clock
  lockAfterMinutes?: number
  /** Receives what the router logs (unexpected errors). */
  log?: (entry: Record<string, unknown>) => void
  /** Where `sync.connect` keeps the hub link (not kept without it). */
  hubLinkStore?: HubLinkStore
  /** An existing data folder (a desk restarted), instead of a new temp one. */
  dir?: string
}

export async function tempDesk(options: TempDeskOptions = {}): Promise<TestDesk> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'guichet-test-'))
  const core = await createCore({
    dataDir: dir,
    deskId: options.deskId ?? 'T01',
    demo: true,
    host: 'browser',
    version: 'test',
    clock: options.clock ?? fixedClock('2026-11-22T09:00:00Z', 1000),
    ...(options.lockAfterMinutes !== undefined ? { lockAfterMinutes: options.lockAfterMinutes } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.hubLinkStore ? { hubLinkStore: options.hubLinkStore } : {}),
  })
  const ctx = (connectionId: string): CallContext => ({ connectionId, host: 'browser' })
  const call = <C extends ChannelName>(channel: C, input: InputOf<C>, connectionId = 'c1') =>
    core.router.call(ctx(connectionId), channel, input) as Promise<WireResult<OutputOf<C>>>
  const ok = async <C extends ChannelName>(channel: C, input: InputOf<C>, connectionId = 'c1') => {
    const result = await call(channel, input, connectionId)
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
    return result.data
  }
  return {
    core,
    dir,
    call,
    ok,
    login: async (username, connectionId = 'c1') => {
      await ok('auth.login', { username, password: 'guichet-demo' }, connectionId)
    },
    dispose: () => {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
