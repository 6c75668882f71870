import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { SessionInfo } from '../../../preload/contract'
import { call } from '../api/call'
import { SESSION_KEY } from '../api/queryClient'
import { markActive } from './activity'

/** The current session, resumed from main on start (`auth.session`): null when nobody is logged in. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => call('auth.session', {}),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  })
}

/** The logged-in session; only for components rendered inside the app shell. */
export function useCurrentSession(): SessionInfo {
  const { data } = useSession()
  if (!data) throw new Error('useCurrentSession used outside a session')
  return data
}

export function useSessionActions() {
  const queryClient = useQueryClient()

  /** Another person's cached customers must not show up for the next one. */
  const forgetData = useCallback(() => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth.session' })
  }, [queryClient])

  const started = useCallback(
    (session: SessionInfo) => {
      forgetData()
      markActive()
      queryClient.setQueryData(SESSION_KEY, session)
    },
    [queryClient, forgetData],
  )

  const unlocked = useCallback(
    (session: SessionInfo) => {
      markActive()
      queryClient.setQueryData(SESSION_KEY, session)
      // Whatever failed with LOCKED meanwhile is fetched again.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth.session' })
    },
    [queryClient],
  )

  const lock = useCallback(async () => {
    queryClient.setQueryData<SessionInfo | null>(SESSION_KEY, (s) => (s ? { ...s, locked: true } : s))
    try {
      await call('auth.lock', {})
    } catch {
      // The screen is locked anyway; main also locks an idle session on its own.
    }
  }, [queryClient])

  const logout = useCallback(async () => {
    try {
      await call('auth.logout', {})
    } catch {
      // Logged out here regardless: an expired session is already gone in main.
    }
    forgetData()
    notifications.clean()
    queryClient.setQueryData(SESSION_KEY, null)
  }, [queryClient, forgetData])

  return { started, unlocked, lock, logout }
}
