/**
 * The renderer's way to main. In Electron, preload exposes `window.guichet`; in the browser host
 * the same interface is built on fetch, with the launch token taken from the URL fragment.
 */
import type { GuichetBridge } from '../../../preload/contract'
import type { WireResult } from '../../../preload/errors'

declare global {
  interface Window {
    guichet?: GuichetBridge
  }
}

const TOKEN_KEY = 'guichet.token'
const CONNECTION_KEY = 'guichet.connection'

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** Keeps the token for this tab only, and removes it from the address bar and history. */
function takeToken(): string | null {
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

function connectionId(): string {
  let id = sessionStorage.getItem(CONNECTION_KEY)
  if (!id) {
    id = randomId()
    sessionStorage.setItem(CONNECTION_KEY, id)
  }
  return id
}

function browserBridge(): GuichetBridge {
  const token = takeToken()
  const connection = connectionId()
  return {
    host: 'browser',
    async invoke(channel, input) {
      let response: Response
      try {
        response = await fetch('/api/invoke', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token ?? ''}`,
            'x-guichet-connection': connection,
          },
          body: JSON.stringify({ channel, input }),
        })
      } catch {
        return { ok: false, error: { code: 'OFFLINE', message: 'Service injoignable.' } }
      }
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'UNAUTHENTICATED',
            message: 'Jeton du lancement invalide.',
            details: { token: true },
          },
        }
      }
      if (!response.ok) return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } }
      return (await response.json()) as WireResult<never>
    },
  }
}

export const bridge: GuichetBridge = window.guichet ?? browserBridge()
