import type { harbourContract } from '../../../preload/contract/harbour'
import type { AreaDeps } from '../../app/areaDeps'
import type { Handlers } from '../../ipc/router'

export type HarbourHandlers = Pick<Handlers, keyof typeof harbourContract>

export interface HarbourArea {
  handlers: HarbourHandlers
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createHarbourArea(_deps: AreaDeps): HarbourArea {
  return { handlers: {}, close: () => {} }
}
