/**
 * Small real files for attachment tests: each starts with the magic number of its format (the
 * PNG and JPEG are complete 1×1 images; the PDF is a minimal valid document).
 */
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const JPEG_1X1 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA='
const PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`
/** The start of a Windows PE executable ("MZ" header, then the PE offset and signature). */
function exe(): Uint8Array {
  const bytes = new Uint8Array(256)
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03], 0)
  bytes.set([0x80, 0x00, 0x00, 0x00], 0x3c)
  bytes.set([0x50, 0x45, 0x00, 0x00, 0x4c, 0x01], 0x80)
  return bytes
}

export const FILES = {
  png: new Uint8Array(Buffer.from(PNG_1X1, 'base64')),
  jpeg: new Uint8Array(Buffer.from(JPEG_1X1, 'base64')),
  pdf: new Uint8Array(Buffer.from(PDF, 'latin1')),
  csv: new Uint8Array(Buffer.from('Nom;Prénom;Numéro\nSastre;Margaux;0488339485\n', 'utf8')),
  exe: exe(),
  zip: new Uint8Array(Buffer.from('504b0304140000000800', 'hex')),
  binary: new Uint8Array(Buffer.from('Nom;Prénom\u0000\u0001\n', 'utf8')),
  empty: new Uint8Array(0),
} as const
