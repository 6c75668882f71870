import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '../../../../preload/contract'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { channelKey } from '../../api/queryKeys'
import { notifyError } from '../../components/notify'
import { idleMilliseconds } from '../../session/activity'
import { useCurrentSession } from '../../session/useSession'

/** How often the status is read while the clerk is active. */
export const SYNC_POLL_MS = 5_000
/** "Active": mouse or keyboard touched within this window. */
export const ACTIVE_WINDOW_MS = 30_000

const STATUS_KEY = channelKey('sync.status', {})

/** The desk's sync status (one query, shared by the status bar, the banners and the screens). */
export function useSyncStatus() {
  const session = useCurrentSession()
  return useChannelQuery('sync.status', {}, { enabled: !session.locked, staleTime: SYNC_POLL_MS })
}

/**
 * Reads the status every few seconds while the clerk is active, and refetches the lists that
 * follow its counts when they change (a background sync brought a conflict, or a rejection).
 * Mounted once, by the status bar. An idle desk is not polled: every call counts as activity in
 * main, and would keep an unattended session from locking.
 */
export function useSyncStatusPolling(status: SyncStatus | undefined, enabled: boolean): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!enabled) return
    const timer = window.setInterval(() => {
      if (idleMilliseconds() < ACTIVE_WINDOW_MS) void queryClient.invalidateQueries({ queryKey: STATUS_KEY })
    }, SYNC_POLL_MS)
    return () => window.clearInterval(timer)
  }, [enabled, queryClient])

  const counts = status ? `${status.rejected}|${status.openConflicts}` : null
  const previous = useRef(counts)
  useEffect(() => {
    if (counts === null || counts === previous.current) return
    const first = previous.current === null
    previous.current = counts
    if (first) return
    for (const channel of ['sync.issues', 'conflicts.list'] as const)
      void queryClient.invalidateQueries({ queryKey: channelKey(channel) })
  }, [counts, queryClient])
}

/**
 * The time now, for texts such as "5 minutes ago": read at every render (so new data is never
 * compared with an old "now"), and a render every `ms` keeps the text true while nothing changes.
 */
export function useNow(ms = 30_000): number {
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), ms)
    return () => window.clearInterval(timer)
  }, [ms])
  return Date.now()
}

/** After a sync run: the status it answered, and everything it may have changed is read again. */
export function useSyncAnswered() {
  const queryClient = useQueryClient()
  return (status: SyncStatus) => {
    queryClient.setQueryData(STATUS_KEY, status)
    // A pull may have changed any record on screen; the session is not data.
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] !== 'auth.session' && q.queryKey[0] !== 'sync.status',
    })
  }
}

/** "Synchroniser maintenant": says how it went, since a failed run still answers a status. */
export function useSyncNow() {
  const { t } = useTranslation()
  const answered = useSyncAnswered()
  return useChannelMutation('sync.now', {
    onSuccess: (status) => {
      answered(status)
      if (status.mode === 'none') notifications.show({ color: 'yellow', message: t('sync.notConnected') })
      // A run that worked says so in the status bar ("last sync: now"): no notification to close.
      else if (!status.online)
        notifications.show({ color: 'yellow', title: t('sync.nowFailed'), message: t('sync.hubUnreachable') })
    },
    onError: (error) => notifyError(t, error, t('sync.nowFailed')),
  })
}
