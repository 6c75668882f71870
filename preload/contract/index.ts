/**
 * The one contract of every channel between the renderer and main: its input schema (validated by
 * the router before any handler runs), who may call it, and its output type.
 */
import type { z } from 'zod'
import { type AuditEntry, entityHistoryInput, type OutboxStats } from './audit'
import {
  type AppInfo,
  type DeskSettings,
  loginInput,
  type SessionInfo,
  type StaffInfo,
  settingsUpdateInput,
  staffCreateInput,
  unlockInput,
} from './auth'
import { type ChannelDef, channel, emptyInput, type Page } from './common'
import {
  type Customer,
  type CustomerListItem,
  type CustomerSaved,
  customerDuplicatesInput,
  customerInput,
  customerListInput,
  customerSearchInput,
  customerUpdateInput,
  type DuplicateHint,
  idInput,
} from './customers'
import { fleetContract } from './fleet'
import { fleetDeskContract } from './fleetDesk'
import { gatewayKeysContract } from './gatewayKeys'
import { harbourContract } from './harbour'
import { invoicingContract } from './invoicing'
import { paymentsContract } from './payments'
import { paymentsReconciliationContract } from './paymentsReconciliation'
import { provisioningContract } from './provisioning'
import {
  conflictListInput,
  conflictResolveInput,
  type SyncConflictView,
  type SyncIssue,
  type SyncStatus,
  syncConnectInput,
  syncDiscardInput,
  syncSeqInput,
} from './sync'

const anyStaff = ['counter', 'agent', 'supervisor', 'admin'] as const

export const contract = {
  'app.info': channel<AppInfo>()({ input: emptyInput, access: 'public' }),

  'auth.session': channel<SessionInfo | null>()({ input: emptyInput, access: 'public' }),
  'auth.login': channel<SessionInfo>()({ input: loginInput, access: 'public' }),
  'auth.logout': channel<{ ok: true }>()({ input: emptyInput, access: 'session' }),
  'auth.lock': channel<{ ok: true }>()({ input: emptyInput, access: 'session' }),
  'auth.unlock': channel<SessionInfo>()({ input: unlockInput, access: 'session' }),

  'settings.get': channel<DeskSettings>()({ input: emptyInput, access: anyStaff }),
  'settings.update': channel<DeskSettings>()({ input: settingsUpdateInput, access: ['admin'] }),

  'staff.list': channel<StaffInfo[]>()({ input: emptyInput, access: ['supervisor', 'admin'] }),
  'staff.create': channel<StaffInfo>()({ input: staffCreateInput, access: ['admin'] }),

  'customers.create': channel<CustomerSaved>()({ input: customerInput, access: anyStaff }),
  'customers.update': channel<CustomerSaved>()({ input: customerUpdateInput, access: anyStaff }),
  'customers.get': channel<Customer>()({ input: idInput, access: anyStaff }),
  'customers.list': channel<Page<CustomerListItem>>()({ input: customerListInput, access: anyStaff }),
  'customers.search': channel<CustomerListItem[]>()({ input: customerSearchInput, access: anyStaff }),
  'customers.duplicates': channel<DuplicateHint[]>()({ input: customerDuplicatesInput, access: anyStaff }),

  'sync.status': channel<SyncStatus>()({ input: emptyInput, access: anyStaff }),
  'sync.now': channel<SyncStatus>()({ input: emptyInput, access: anyStaff }),
  'sync.connect': channel<SyncStatus>()({ input: syncConnectInput, access: ['admin'] }),
  'sync.issues': channel<SyncIssue[]>()({ input: emptyInput, access: anyStaff }),
  'sync.retry': channel<SyncStatus>()({ input: syncSeqInput, access: anyStaff }),
  'sync.discard': channel<SyncStatus>()({ input: syncDiscardInput, access: ['supervisor', 'admin'] }),
  'conflicts.list': channel<SyncConflictView[]>()({
    input: conflictListInput,
    access: ['supervisor', 'admin'],
  }),
  'conflicts.resolve': channel<SyncConflictView>()({
    input: conflictResolveInput,
    access: ['supervisor', 'admin'],
  }),

  'audit.history': channel<AuditEntry[]>()({ input: entityHistoryInput, access: anyStaff }),
  'outbox.stats': channel<OutboxStats>()({ input: emptyInput, access: anyStaff }),

  ...harbourContract,
  ...invoicingContract,
  ...fleetContract,
  ...provisioningContract,
  ...fleetDeskContract,
  ...paymentsContract,
  ...paymentsReconciliationContract,
  ...gatewayKeysContract,
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>

export type Contract = typeof contract
export type ChannelName = keyof Contract
/** What the renderer sends (before defaults apply). */
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>
/** What a handler receives (after validation, defaults and trimming). */
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>
export type OutputOf<C extends ChannelName> = Exclude<Contract[C]['output'], undefined>

/** The bridge that preload exposes as `window.guichet` (and the browser host imitates). */
export interface GuichetBridge {
  invoke<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
  ): Promise<import('../errors').WireResult<OutputOf<C>>>
  host: 'electron' | 'browser'
}

export * from './audit'
export * from './auth'
export * from './common'
export * from './customers'
export * from './fieldIssues'
export * from './fleet'
export * from './fleetDesk'
export * from './gatewayKeys'
export * from './harbour'
export * from './identifiers'
export * from './invoicing'
export * from './payments'
export * from './provisioning'
export * from './sync'
