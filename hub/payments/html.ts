/** Small, self-contained HTML pages the hub serves to customers' browsers (French first). */

export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,sans-serif;background:#f5f6f8;color:#1a1b1e;margin:0;padding:32px}
main{max-width:520px;margin:0 auto;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:24px}
h1{font-size:20px;margin:0 0 16px}dl{display:grid;grid-template-columns:auto 1fr;gap:6px 16px}dt{color:#666}
label{display:block;margin:12px 0 4px;font-size:14px}input{width:100%;box-sizing:border-box;padding:8px;font-size:15px;border:1px solid #ced4da;border-radius:4px}
button{margin-top:16px;padding:9px 16px;font-size:15px;border-radius:4px;border:1px solid #228be6;background:#228be6;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#228be6}.muted{color:#666;font-size:13px}.ok{color:#2b8a3e}.ko{color:#c92a2a}
</style></head><body><main>${body}</main></body></html>`
}

/** A form that posts itself to the gateway (with a button when scripts are off). */
export function autoPostForm(
  action: string,
  fields: Record<string, string>,
  title: string,
  button: string,
): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('')
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><form id="pay" method="post" action="${escapeHtml(action)}" accept-charset="UTF-8">${inputs}
<button type="submit">${escapeHtml(button)}</button></form><script>document.getElementById('pay').submit()</script>`,
  )
}

export function formatMinor(amountMinor: number, currency: string): string {
  const whole = String(Math.floor(amountMinor / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  const units = `${whole},${String(amountMinor % 100).padStart(2, '0')}`
  return currency === 'MAD' ? `${units} DH` : currency === 'EUR' ? `${units} €` : `${units} ${currency}`
}
