import { type BrowserWindow, ipcMain } from 'electron'
import type { Router } from './router'

export const INVOKE_CHANNEL = 'guichet:invoke'

/**
 * The Electron transport: one ipcMain handler for every channel. Only our own window's top frame,
 * showing our own renderer, may call; anything else (an iframe, a page navigated elsewhere) is refused.
 */
export function registerElectronTransport(
  router: Router,
  window: BrowserWindow,
  rendererUrl: string,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame
    const trusted =
      event.sender === window.webContents &&
      frame !== null &&
      frame === event.sender.mainFrame &&
      frame.url.startsWith(rendererUrl)
    if (!trusted) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Origine non autorisée.' } }
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Opération inconnue.' } }
    }
    return router.call({ connectionId: `win:${event.sender.id}`, host: 'electron' }, channel, input)
  })
  return () => ipcMain.removeHandler(INVOKE_CHANNEL)
}
