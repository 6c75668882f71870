/**
 * When the clerk last touched the mouse or the keyboard. One set of listeners for the whole app;
 * the idle lock and the status-bar refresh read it.
 */
const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

let lastActivity = Date.now()
let started = false

export function markActive(): void {
  lastActivity = Date.now()
}

export function idleMilliseconds(): number {
  return Date.now() - lastActivity
}

export function startActivityTracking(): void {
  if (started) return
  started = true
  for (const event of EVENTS) {
    // Capture phase: a component that stops propagation still counts as activity.
    window.addEventListener(event, markActive, { capture: true, passive: true })
  }
}
