import { useEffect, useRef } from 'react'
import { idleMilliseconds } from './activity'

const CHECK_EVERY_MS = 5_000

/**
 * Calls `onIdle` once the clerk has not touched mouse or keyboard for `minutes` (0 = never).
 * Polls the last activity instead of arming one long timer, so a laptop waking from sleep
 * locks at once rather than after a full delay.
 */
export function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle)
  onIdleRef.current = onIdle

  useEffect(() => {
    if (!enabled || minutes <= 0) return
    const limit = minutes * 60_000
    const timer = window.setInterval(() => {
      if (idleMilliseconds() >= limit) onIdleRef.current()
    }, CHECK_EVERY_MS)
    return () => window.clearInterval(timer)
  }, [minutes, enabled])
}
