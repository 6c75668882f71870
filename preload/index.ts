/**
 * The preload script: the renderer's only door to main. It forwards a channel name and its input
 * and returns main's answer; main validates everything, so nothing here is trusted.
 */
import { contextBridge, ipcRenderer } from 'electron'

export const INVOKE = 'guichet:invoke'

contextBridge.exposeInMainWorld('guichet', {
  host: 'electron',
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(INVOKE, channel, input),
})
