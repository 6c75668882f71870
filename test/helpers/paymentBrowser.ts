/**
 * A customer's browser for payment tests, without a browser: follows the hub's payment link,
 * submits the auto-posting form to the gateway sandbox, fills the card page and the 3-D Secure
 * challenge as a person would, and follows the redirects back to the hub.
 */
const decodeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

export interface HtmlForm {
  action: string
  fields: Record<string, string>
}

/** The forms of a page, with their hidden inputs. */
export function formsOf(html: string, base: string): HtmlForm[] {
  const forms: HtmlForm[] = []
  for (const m of html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
    const fields: Record<string, string> = {}
    for (const i of m[2]!.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]*)"[^>]*value="([^"]*)"/g))
      fields[decodeHtml(i[1]!)] = decodeHtml(i[2]!)
    forms.push({ action: new URL(decodeHtml(m[1]!), base).toString(), fields })
  }
  return forms
}

export interface Page {
  url: string
  status: number
  html: string
}

async function post(url: string, fields: Record<string, string>): Promise<Page> {
  let res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  })
  let at = url
  while (res.status === 303 || res.status === 302) {
    at = new URL(res.headers.get('location')!, at).toString()
    res = await fetch(at, { redirect: 'manual' })
  }
  return { url: at, status: res.status, html: await res.text() }
}

export class PaymentBrowser {
  page: Page | null = null

  /** Opens the payment link and lets its form post itself to the bank. */
  async open(payUrl: string): Promise<Page> {
    const res = await fetch(payUrl)
    const html = await res.text()
    const [form] = formsOf(html, payUrl)
    if (!form) {
      this.page = { url: payUrl, status: res.status, html }
      return this.page
    }
    this.page = await post(form.action, form.fields)
    return this.page
  }

  /** Submits the form of the current page whose action ends with `suffix`, adding the visible fields. */
  async submit(suffix: string, visible: Record<string, string> = {}): Promise<Page> {
    const form = formsOf(this.page!.html, this.page!.url).find((f) => f.action.endsWith(suffix))
    if (!form) throw new Error(`no form ${suffix} on ${this.page!.url}: ${this.page!.html.slice(0, 300)}`)
    this.page = await post(form.action, { ...form.fields, ...visible })
    return this.page
  }

  async payWithCard(card: string, expiry = '12/29', cvv = '123'): Promise<Page> {
    return this.submit('/card', { card, expiry, cvv })
  }
}
