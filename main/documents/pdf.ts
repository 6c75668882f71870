import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'

/*
 * The one way Guichet turns a document definition into PDF bytes (pdfmake, in plain Node).
 * Fonts are Roboto as shipped with pdfmake, read from its package so that the desktop build, the
 * browser host and the tests embed exactly the same font files. Documents never fetch anything:
 * every URL and local-path access is refused, so a value typed by a user cannot make the PDF
 * engine read a file or call the network.
 */

const require = createRequire(import.meta.url)
type PdfMake = {
  virtualfs: { writeFileSync(name: string, data: Buffer): void }
  setFonts(fonts: Record<string, Record<string, string>>): void
  setUrlAccessPolicy(policy: (url: string) => boolean): void
  setLocalAccessPolicy(policy: (path: string) => boolean): void
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> }
}

let engine: PdfMake | null = null

function pdfEngine(): PdfMake {
  if (engine) return engine
  const pdfmake = require('pdfmake') as PdfMake
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto')
  for (const file of [
    'Roboto-Regular.ttf',
    'Roboto-Medium.ttf',
    'Roboto-Italic.ttf',
    'Roboto-MediumItalic.ttf',
  ]) {
    pdfmake.virtualfs.writeFileSync(file, readFileSync(join(fontDir, file)))
  }
  pdfmake.setFonts({
    Roboto: {
      normal: 'Roboto-Regular.ttf',
      bold: 'Roboto-Medium.ttf',
      italics: 'Roboto-Italic.ttf',
      bolditalics: 'Roboto-MediumItalic.ttf',
    },
  })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  engine = pdfmake
  return pdfmake
}

export interface RenderedPdf {
  bytes: Buffer
  /** Hex SHA-256 of `bytes`: stored with an issued document so it can be re-served identical. */
  sha256: string
}

export type PdfDefinition = TDocumentDefinitions

/** Renders a document definition. Defaults: A4, Roboto 9 pt, calm margins. */
export async function renderPdf(doc: PdfDefinition): Promise<RenderedPdf> {
  const definition: PdfDefinition = {
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 56],
    ...doc,
    defaultStyle: { font: 'Roboto', fontSize: 9, ...(doc.defaultStyle ?? {}) },
  }
  const bytes = await pdfEngine().createPdf(definition).getBuffer()
  return { bytes, sha256: sha256Hex(bytes) }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
