import type { FileDownload } from '../../../preload/contract'

function blobOf(file: FileDownload): Blob {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: file.mimeType })
}

/** Saves a file sent by main (the browser's download, or Electron's save dialog). */
export function saveDownload(file: FileDownload): void {
  const url = URL.createObjectURL(blobOf(file))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some engines start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** A blob URL to show a PDF in an <iframe>; the caller revokes it when the viewer closes. */
export function objectUrlOf(file: FileDownload): string {
  return URL.createObjectURL(blobOf(file))
}

/** Reads a picked file as base64 for a `fileUpload` channel input. */
export async function readAsBase64(file: File): Promise<{ fileName: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { fileName: file.name, base64: btoa(binary) }
}
