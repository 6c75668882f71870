import { createContext, useContext, useMemo, useSyncExternalStore } from 'react'
import { formatRoute, parseHash, type Route, type Workspace } from './routes'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The current route; an empty hash opens the home of `defaultWorkspace`. */
export function useHashRoute(defaultWorkspace: Workspace): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return useMemo(
    () => parseHash(hash) ?? { name: 'home', workspace: defaultWorkspace },
    [hash, defaultWorkspace],
  )
}

/** Goes to `route`; `replace` keeps the history short while typing in a search box. */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = formatRoute(route)
  if (hash === window.location.hash) return
  if (options.replace) {
    history.replaceState(null, '', hash)
    // replaceState fires no hashchange: tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  } else {
    window.location.hash = hash
  }
}

export const RouteContext = createContext<Route>({ name: 'home', workspace: 'harbour' })

export function useRoute(): Route {
  return useContext(RouteContext)
}

/** The workspace the clerk is in: links and shortcuts stay in it. */
export function useWorkspace(): Workspace {
  const route = useRoute()
  return route.name === 'notFound' ? 'harbour' : route.workspace
}
