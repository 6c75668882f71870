/**
 * The screens as typed routes, kept in the URL hash: the app loads from `file://` in Electron, where
 * the history API has no server to fall back on. Pure functions, tested without a DOM.
 */
import { type CustomerKind, type CustomerSort, customerKinds, customerSorts } from '../../../preload/contract'

export const workspaces = ['harbour', 'telecom'] as const
export type Workspace = (typeof workspaces)[number]

export interface CustomerListState {
  query: string
  kind: CustomerKind | null
  sort: CustomerSort
  direction: 'asc' | 'desc'
}

export const defaultListState: CustomerListState = { query: '', kind: null, sort: 'name', direction: 'asc' }

/** The desk's own screens (`#/<workspace>/desk/<screen>`): reachable from both workspaces. */
export const deskScreens = ['sync', 'conflicts', 'settings', 'staff'] as const
export type DeskScreen = (typeof deskScreens)[number]

export type ConflictTab = 'open' | 'resolved'

export type Route =
  | { name: 'home'; workspace: Workspace }
  | { name: 'customers'; workspace: Workspace; list: CustomerListState }
  | { name: 'customerNew'; workspace: Workspace }
  | { name: 'customer'; workspace: Workspace; id: string }
  /** `from: 'sync'`: opened from the sync issues, where saving and cancelling return. */
  | { name: 'customerEdit'; workspace: Workspace; id: string; from?: 'sync' }
  | { name: 'sync'; workspace: Workspace }
  | { name: 'conflicts'; workspace: Workspace; tab: ConflictTab }
  | { name: 'settings'; workspace: Workspace }
  | { name: 'staff'; workspace: Workspace }
  /**
   * A screen of a workspace area (boats, berths, fleets, invoices…): `#/<workspace>/<section>/<rest…>?<params>`.
   * Each area parses its own `rest` and `params` (see app/areaRegistry.ts); an unknown section is "not found".
   */
  | { name: 'area'; workspace: Workspace; section: string; rest: string[]; params: Record<string, string> }
  | { name: 'notFound'; path: string }

const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/
const SECTION = /^[a-z][a-z0-9-]*$/

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function isWorkspace(value: string | undefined): value is Workspace {
  return (workspaces as readonly string[]).includes(value ?? '')
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null
}

function parseListState(search: URLSearchParams): CustomerListState {
  return {
    query: search.get('q') ?? '',
    kind: oneOf(customerKinds, search.get('kind')),
    sort: oneOf(customerSorts, search.get('sort')) ?? 'name',
    direction: search.get('dir') === 'desc' ? 'desc' : 'asc',
  }
}

/** `#/harbour/customers/01J…/edit` → `{ name: 'customerEdit', … }`; null for an empty hash. */
export function parseHash(hash: string): Route | null {
  const raw = hash.replace(/^#/, '')
  if (raw === '' || raw === '/' || raw.startsWith('token=')) return null
  const [path = '', query = ''] = raw.split('?')
  const parts = path.split('/').filter(Boolean)
  const [workspace, area, id, action] = parts
  if (!isWorkspace(workspace)) return { name: 'notFound', path }
  if (parts.length === 1) return { name: 'home', workspace }
  const search = new URLSearchParams(query)
  if (area === 'desk') return parseDeskRoute(workspace, parts.slice(2), search) ?? { name: 'notFound', path }
  if (area !== 'customers') {
    if (!area || !SECTION.test(area)) return { name: 'notFound', path }
    return {
      name: 'area',
      workspace,
      section: area,
      rest: parts.slice(2).map(decodeSegment),
      params: Object.fromEntries(search),
    }
  }
  if (parts.length === 2) return { name: 'customers', workspace, list: parseListState(search) }
  if (id === 'new' && parts.length === 3) return { name: 'customerNew', workspace }
  if (!id || !ID.test(id)) return { name: 'notFound', path }
  if (parts.length === 3) return { name: 'customer', workspace, id }
  if (action === 'edit' && parts.length === 4)
    return search.get('from') === 'sync'
      ? { name: 'customerEdit', workspace, id, from: 'sync' }
      : { name: 'customerEdit', workspace, id }
  return { name: 'notFound', path }
}

function parseDeskRoute(workspace: Workspace, rest: string[], search: URLSearchParams): Route | null {
  const [screen] = rest
  if (rest.length !== 1 || !oneOf(deskScreens, screen ?? null)) return null
  if (screen === 'conflicts')
    return { name: 'conflicts', workspace, tab: search.get('tab') === 'resolved' ? 'resolved' : 'open' }
  return { name: screen as Exclude<DeskScreen, 'conflicts'>, workspace }
}

function listQuery(list: CustomerListState): string {
  const search = new URLSearchParams()
  if (list.query) search.set('q', list.query)
  if (list.kind) search.set('kind', list.kind)
  if (list.sort !== 'name') search.set('sort', list.sort)
  if (list.direction !== 'asc') search.set('dir', list.direction)
  const text = search.toString()
  return text ? `?${text}` : ''
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'home':
      return `#/${route.workspace}`
    case 'customers':
      return `#/${route.workspace}/customers${listQuery(route.list)}`
    case 'customerNew':
      return `#/${route.workspace}/customers/new`
    case 'customer':
      return `#/${route.workspace}/customers/${route.id}`
    case 'customerEdit':
      return `#/${route.workspace}/customers/${route.id}/edit${route.from ? `?from=${route.from}` : ''}`
    case 'sync':
    case 'settings':
    case 'staff':
      return `#/${route.workspace}/desk/${route.name}`
    case 'conflicts':
      return `#/${route.workspace}/desk/conflicts${route.tab === 'resolved' ? '?tab=resolved' : ''}`
    case 'area': {
      const path = [route.workspace, route.section, ...route.rest.map(encodeURIComponent)].join('/')
      const query = new URLSearchParams(
        Object.entries(route.params).filter(([, value]) => value !== ''),
      ).toString()
      return `#/${path}${query ? `?${query}` : ''}`
    }
    case 'notFound':
      return `#/${route.path}`
  }
}

/** A screen of the desk itself (sync, conflicts, settings, staff) rather than of a workspace. */
export function isDeskRoute(route: Route): boolean {
  return (deskScreens as readonly string[]).includes(route.name)
}

/** The workspace a route belongs to (for the navbar), or null for a page outside both. */
export function routeWorkspace(route: Route): Workspace | null {
  return route.name === 'notFound' ? null : route.workspace
}
