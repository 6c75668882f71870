import type { ComponentType } from 'react'
import type { ChannelName } from '../../../preload/contract'
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
