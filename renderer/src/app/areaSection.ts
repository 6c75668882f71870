import type { ComponentType } from 'react'
import type { ChannelName, Customer } from '../../../preload/contract'
import type { Workspace } from './routes'

export interface AreaScreenProps {
  workspace: Workspace
  /** Path segments after the section (`#/harbour/boats/01J…/edit` → `['01J…', 'edit']`). */
  rest: string[]
  params: Record<string, string>
}

export interface AreaSection {
  /** First path segment: `boats` in `#/harbour/boats`. Unique across areas. */
  section: string
  workspaces: readonly Workspace[]
  component: ComponentType<AreaScreenProps>
  /** A navbar entry (i18n key and icon), or none for screens reached from another one. */
  nav?: { labelKey: string; icon: ComponentType<{ size?: number; stroke?: number }> }
  /** The role must be allowed this channel to see the entry and open the screen. */
  channel: ChannelName
}

export interface CustomerPanelProps {
  workspace: Workspace
  customerId: string
  customer: Customer
}

/** A block an area adds to the customer's page (boats, contracts, account, fleet…). */
export interface CustomerPanel {
  id: string
  workspaces: readonly Workspace[]
  component: ComponentType<CustomerPanelProps>
  /** Shown only to roles allowed this channel. */
  channel: ChannelName
}
