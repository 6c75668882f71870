import { describe, expect, it } from 'vitest'
import {
  formatMontant,
  formatRequestDate,
  parseMontant,
  paymentForm,
  readReturn,
} from '../../main/integrations/monetico/messages'
import {
  computeSeal,
  legacySealString,
  returnReceipt,
  sealFields,
  sealString,
  usableKey,
  verifyFields,
} from '../../main/integrations/monetico/seal'

/*
 * Vectors: the key `12345678901234567890123456789012345678P0` is the sample key of the bank's own
 * "open source" kits (CMCIC_Config.php / MoneticoPaiement_Config.php, e.g. as shipped in the
 * PrestaShop `cmcic` module and the nopCommerce Monetico plugin's settings). The HMAC values
 * `a535d233…`, `5eed6ee7…` and the sorted return `aae928c2…` are those published in the vitest suite
 * of an open-source Next.js Monetico integration (lib/monetico/signature and phase2 tests, found
 * with the code search), which took them from the kit.
 */
const KIT_KEY = '12345678901234567890123456789012345678P0'

describe('Monetico key', () => {
  it.each([
    [KIT_KEY, '1234567890123456789012345678901234567890', 'kit sample: P (80) shifted down by 23 is 9'],
    ['1036DEFD9175F29EE9337A1F284BDF781D5A4048', '1036defd9175f29ee9337a1f284bdf781d5a4048', 'plain hex key'],
    ['00112233445566778899AABBCCDDEEFF001122AM', '00112233445566778899aabbccddeeff001122a0', 'final M is 0'],
  ])('%s → %s (%s)', (key, hex) => {
    expect(usableKey(key).toString('hex')).toBe(hex)
  })

  it('refuses a key of the wrong length or that is not hex once repaired', () => {
    expect(() => usableKey('1234')).toThrow()
    expect(() => usableKey('Z2345678901234567890123456789012345678AB')).toThrow()
  })
})

describe('Monetico seal', () => {
  it('matches the kit vectors (HMAC-SHA1, lower-case hex)', () => {
    expect(computeSeal(KIT_KEY, 'hello')).toBe('a535d23382a5191994c64d2c629114739cd51bf9')
    // The old kits sealed ISO-8859-1 bytes.
    expect(computeSeal(KIT_KEY, 'réservé', 'latin1')).toBe('5eed6ee7cf26cbf7e61ec9ee95049b251933ed32')
  })

  const kitReturn = {
    TPE: '1234567',
    date: '13/07/2026_10:05:00',
    montant: '6.00EUR',
    reference: 'MDT0001',
    'code-retour': 'paiement',
    'texte-libre': 'resa:atelier:0001',
  }

  it('v3.0: names in ordinal order (upper case first), name=value joined by *, MAC left out', () => {
    expect(sealString({ ...kitReturn, MAC: 'ignored' })).toBe(
      'TPE=1234567*code-retour=paiement*date=13/07/2026_10:05:00*montant=6.00EUR*reference=MDT0001*texte-libre=resa:atelier:0001',
    )
    expect(sealString({ b: '1', B: '2', a_b: '', ab: '3' })).toBe('B=2*a_b=*ab=3*b=1')
  })

  it('verifies the published return, in upper or lower case, and refuses any change', () => {
    const MAC = 'aae928c2040d6686311881e98cd251554d24b811'
    expect(verifyFields(KIT_KEY, { ...kitReturn, MAC })).toBe(true)
    expect(verifyFields(KIT_KEY, { ...kitReturn, MAC: MAC.toUpperCase() })).toBe(true)
    expect(verifyFields(KIT_KEY, { ...kitReturn, montant: '6.01EUR', MAC })).toBe(false)
    expect(verifyFields(KIT_KEY, { ...kitReturn, extra: '', MAC })).toBe(false)
    expect(verifyFields(KIT_KEY, { ...kitReturn, MAC: 'deadbeef' })).toBe(false)
    expect(verifyFields(KIT_KEY, { ...kitReturn })).toBe(false)
  })

  it('legacy format: values only, in the kit order, empty fields kept', () => {
    expect(
      legacySealString({
        TPE: '1234567',
        date: '05/12/2006:11:55:23',
        montant: '62.73EUR',
        reference: 'ABERTYP00145',
        'texte-libre': 'ExempleTexteLibre',
        version: '3.0',
        lgue: 'FR',
        societe: 'monSite1',
        mail: 'internaute@sonemail.fr',
      }),
    ).toBe(
      '1234567*05/12/2006:11:55:23*62.73EUR*ABERTYP00145*ExempleTexteLibre*3.0*FR*monSite1*internaute@sonemail.fr**********',
    )
  })

  it('answers the return with version=2 and cdr 0 (valid seal) or 1 (invalid)', () => {
    expect(returnReceipt(true)).toBe('version=2\ncdr=0\n')
    expect(returnReceipt(false)).toBe('version=2\ncdr=1\n')
  })
})

describe('Monetico messages', () => {
  it.each([
    [85000, 'EUR', '850.00EUR'],
    [5, 'EUR', '0.05EUR'],
    [152000, 'EUR', '1520.00EUR'],
  ])('%i %s ↔ %s', (minor, currency, text) => {
    expect(formatMontant(minor, currency)).toBe(text)
    expect(parseMontant(text)).toEqual({ amountMinor: minor, currency })
  })

  it('reads amounts the bank may shorten and refuses malformed ones', () => {
    expect(parseMontant('850EUR')).toEqual({ amountMinor: 85000, currency: 'EUR' })
    expect(parseMontant('850.5EUR')).toEqual({ amountMinor: 85050, currency: 'EUR' })
    for (const bad of ['', '850.00', '-1.00EUR', '1,00EUR', '1.000EUR']) expect(parseMontant(bad)).toBeNull()
  })

  it('builds a sealed form the bank can verify, with the 3-D Secure 2 context', () => {
    const config = { tpe: '1234567', key: KIT_KEY, company: 'portsaintemarie', paymentUrl: 'x' }
    const order = {
      reference: 'P2016021350',
      amountMinor: 85000,
      currency: 'EUR',
      at: new Date('2026-11-22T09:05:07Z'),
      email: 'marie@example.org',
      language: 'FR',
      freeText: 'invoice 2016/02135',
      okUrl: 'https://hub/ok',
      errUrl: 'https://hub/err',
      billing: { addressLine1: '1 quai', city: 'La Rochelle', postalCode: '17000', country: 'FR' },
    } as const
    const form = paymentForm(config, order)
    expect(form.date).toBe('22/11/2026:09:05:07')
    expect(form.montant).toBe('850.00EUR')
    expect(form.version).toBe('3.0')
    expect(JSON.parse(Buffer.from(form.contexte_commande!, 'base64').toString('utf8')).billing.city).toBe(
      'La Rochelle',
    )
    expect(verifyFields(KIT_KEY, form)).toBe(true)
    expect(formatRequestDate(new Date('2026-01-02T03:04:05Z'))).toBe('02/01/2026:03:04:05')
    expect(() => paymentForm(config, { ...order, reference: 'too-long-reference-1' })).toThrow()
  })

  it('reads returns: paiement/payetest paid, Annulation refused, instalments unknown', () => {
    const base = {
      TPE: '1234567',
      montant: '850.00EUR',
      reference: 'P1',
      numauto: '010101',
      cbmasquee: '4970XXXXXXXX0001',
    }
    expect(readReturn({ ...base, 'code-retour': 'payetest' })).toMatchObject({
      outcome: 'paid',
      test: true,
      amountMinor: 85000,
      currency: 'EUR',
      authorisation: '010101',
      maskedPan: '4970XXXXXXXX0001',
    })
    expect(readReturn({ ...base, 'code-retour': 'paiement' }).test).toBe(false)
    expect(readReturn({ ...base, 'code-retour': 'Annulation', motifrefus: 'Refus' })).toMatchObject({
      outcome: 'refused',
      refusal: 'Refus',
    })
    expect(readReturn({ ...base, 'code-retour': 'paiement_pf2' }).outcome).toBe('unknown')
    expect(sealFields(KIT_KEY, { a: '1', MAC: 'old' }).MAC).toBe(computeSeal(KIT_KEY, 'a=1'))
  })
})
