import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import type { SessionInfo } from '../../../preload/contract'
import { isApiError } from './call'
import { channelKey } from './queryKeys'

/** The session lives in the query cache under the `auth.session` key: one source of truth. */
export const SESSION_KEY = channelKey('auth.session', {})

/**
 * LOCKED and UNAUTHENTICATED can answer any call (the main process locks an idle session on its
 * own), so they are handled once here rather than in every screen.
 */
function handleSessionErrors(client: QueryClient, error: unknown): void {
  if (!isApiError(error)) return
  if (error.code === 'LOCKED') {
    client.setQueryData<SessionInfo | null>(SESSION_KEY, (s) => (s ? { ...s, locked: true } : s))
  } else if (error.code === 'UNAUTHENTICATED') {
    // The session is gone in main (expired, or main restarted): nothing cached may outlive it.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] })
    client.setQueryData<SessionInfo | null>(SESSION_KEY, null)
  }
}

/** Errors with a stable code are answers, not glitches: only an unreachable service is worth a retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error)) return error.code === 'OFFLINE' && failureCount < 2
  return false
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // The caches call back only after the client exists, so `client` is set by then.
    queryCache: new QueryCache({ onError: (error) => handleSessionErrors(client, error) }),
    mutationCache: new MutationCache({
      onError: (error) => handleSessionErrors(client, error),
      // Every write adds to the outbox: the status bar's count (and the home's) follows at once.
      // Not awaited: a save is done when main answers, not when the counts are read again.
      onSuccess: () => {
        void client.invalidateQueries({ queryKey: channelKey('sync.status') })
        void client.invalidateQueries({ queryKey: channelKey('outbox.stats') })
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 15_000,
        // A desk app keeps its window focused all day: refetching on every focus only adds noise.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
  return client
}
