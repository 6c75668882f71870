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

/*
 * pdfkit parses each TrueType font again for every document (fontkit.create), which is most of the
 * cost of a one-page invoice (~35 ms of ~40 ms). The font files never change, and pdfmake hands
 * pdfkit the same Buffer each time, so the parsed font is kept per buffer; each document still makes
 * its own subset, so the PDFs are unchanged.
 */
function reuseParsedFonts(): void {
  // fontkit's exports cannot be redefined, so pdfkit is given (through the module cache, before it
  // loads) a copy of them whose `create` remembers what it parsed.
  const fromPdfkit = createRequire(require.resolve('pdfkit'))
  const fontkitPath = fromPdfkit.resolve('fontkit')
  const fontkit = fromPdfkit('fontkit') as Record<string, unknown> & {
    create(buffer: Uint8Array, postscriptName?: string): unknown
  }
  const parsed = new WeakMap<Uint8Array, Map<string, unknown>>()
  const create = (buffer: Uint8Array, postscriptName?: string) => {
    let fonts = parsed.get(buffer)
    if (!fonts) {
      fonts = new Map()
      parsed.set(buffer, fonts)
    }
    const key = postscriptName ?? ''
    if (!fonts.has(key)) fonts.set(key, fontkit.create(buffer, postscriptName))
    return fonts.get(key)
  }
  const cached = require.cache[fontkitPath]
  if (cached) cached.exports = { ...fontkit, create }
}

function pdfEngine(): PdfMake {
  if (engine) return engine
  reuseParsedFonts()
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
