import { describe, expect, it } from 'vitest'
import {
  CMI_ANSWER,
  hashString,
  hashVer3,
  natCaseCompare,
  verifyHash,
} from '../../main/integrations/cmi/hash'
import { formatAmount, parseAmount, paymentForm, readCallback } from '../../main/integrations/cmi/messages'

/*
 * Vectors: CMI runs the EST "3D Pay Hosting" platform; its hash ver3 is the one of the EST banks.
 * The three expected hashes below are published in mewebstudio/pos,
 * tests/Unit/Crypt/EstV3PosCryptTest.php (store key `123456`, client id `190100000`):
 * testCreate3DHashFor3DPay, testCreate3DHashFor3DSecure and the callback of
 * threeDHashCheckDataProvider (a real 3D Pay response, `encoding` and `HASH` left out).
 */
const STORE_KEY = '123456'

describe('natural case-insensitive order (PHP natcasesort)', () => {
  it.each([
    ['amount', 'BillToName', -1],
    ['oid2', 'oid10', -1],
    ['Email', 'EXTRA_CARDBRAND', -1],
    ['okUrl', 'oid', 1],
    ['TranType', 'taksit', 1],
    ['a', 'A', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(natCaseCompare(a, b))).toBe(sign)
  })
})

describe('CMI HASH ver3', () => {
  it('matches the published 3D Pay request vector', () => {
    const request = {
      clientid: '190100000',
      storetype: '3d_pay',
      amount: '100.25',
      oid: 'order222',
      okUrl: 'https://domain.com/success',
      failUrl: 'https://domain.com/fail_url',
      rnd: 'rand',
      lang: 'tr',
      currency: '949',
      taksit: '',
      islemtipi: 'Auth',
      firmaadi: 'siparis veren',
      Email: 'test@test.com',
      hashAlgorithm: 'ver3',
    }
    expect(hashVer3(request, STORE_KEY)).toBe(
      '/uPxhEKWCEGi3NsDOOQ4u8Hu5g71v5GWspOid70WehTWEz97PqxG3IN1Jv5jsbOXOw3Z3Rr/0UtywzEgbqFfdA==',
    )
  })

  it('matches the published 3D Secure request vector (numbers as values)', () => {
    const request = {
      clientid: '190100000',
      storetype: '3d',
      amount: '100.25',
      oid: 'order222',
      okUrl: 'https://domain.com/success',
      failUrl: 'https://domain.com/fail_url',
      rnd: 12345,
      hashAlgorithm: 'ver3',
      lang: 'tr',
      currency: 949,
      islemtipi: 'Auth',
      taksit: '',
    }
    expect(hashVer3(request, STORE_KEY)).toBe(
      '4aUsG5hqlIFLc9s8PKc5rWb2OLhmxDDewNgKa2XrwoYCIxlyVq8Fjl4IVaZzoqL983CfTseicmnTA0PjZr74xg==',
    )
  })

  const callback = {
    ReturnOid: '202210308C0F',
    TRANID: null,
    hashAlgorithm: 'ver3',
    PAResSyntaxOK: 'true',
    firmaadi: 'John Doe',
    islemtipi: 'Auth',
    lang: 'tr',
    merchantID: '190200000',
    maskedCreditCard: '4355 08** **** 4358',
    amount: '1.01',
    sID: '1',
    ACQBIN: '454672',
    Ecom_Payment_Card_ExpDate_Year: '26',
    EXTRA_CARDBRAND: 'VISA',
    Email: 'mail@customer.com',
    MaskedPan: '435508***4358',
    acqStan: '184784',
    merchantName: 'Ziraat 3D_Pay',
    clientIp: '89.244.149.137',
    EXTRA_KAZANILANPUAN: '000000010.00',
    okUrl: 'http://localhost/akbank/3d-pay/response.php',
    md: '435508:51104213993AC8DFE8839C7F7E391B461115D09A1D88948C8ACE421D7D7EAA5A:3545:##190200000',
    ProcReturnCode: '00',
    payResults_dsId: '1',
    taksit: null,
    TransId: '22303RqiC11252',
    EXTRA_TRXDATE: '20221030 17:42:33',
    Ecom_Payment_Card_ExpDate_Month: '12',
    storetype: '3d_pay',
    Response: 'Approved',
    SettleId: '2383',
    mdErrorMsg:
      'Y-status/Challenge authentication via ACS: https://3ds-acs.test.modirum.com/mdpayacs/creq?token=214711321.1667140951.Ud_jQl3B2l1',
    ErrMsg: null,
    PAResVerified: 'true',
    cavv: 'ABABBCgghAAAAABllJMDdZdTdic=',
    digest: 'digest',
    HostRefNum: '230317184784',
    callbackCall: 'true',
    AuthCode: '216981',
    failUrl: 'http://localhost/akbank/3d-pay/response.php',
    xid: 'N1An1iS5iN4u/1VWS6CgzSGRtN0=',
    encoding: 'ISO-8859-9',
    currency: '949',
    oid: '202210308C0F',
    mdStatus: '1',
    dsId: '1',
    eci: '05',
    version: '2.0',
    EXTRA_CARDISSUER: 'AKBANK T.A.S.',
    clientid: '190200000',
    txstatus: 'Y',
    HASH: 'jVgcwtx4vxxAcX8+ajsrrzp77k9uaGu1pjDQfCpoUG95y2MwwGipc6cF3kESiTphjV8/1ESSc6zg9KyTSxUnzA==',
    rnd: 'J/jGATA5LLVaMfpU+Yyu',
  }

  it('verifies the published callback and refuses any change or a wrong store key', () => {
    expect(verifyHash(callback, STORE_KEY)).toBe(true)
    expect(verifyHash({ ...callback, mdStatus: '' }, STORE_KEY)).toBe(false)
    expect(verifyHash({ ...callback, amount: '101.00' }, STORE_KEY)).toBe(false)
    expect(verifyHash(callback, 'other')).toBe(false)
    expect(verifyHash({ ...callback, HASH: '' }, STORE_KEY)).toBe(false)
  })

  it('escapes \\ and | in values and in the store key, trims values, skips hash and encoding', () => {
    expect(hashString({ b: ' x|y ', A: 'c\\d', hash: 'h', ENCODING: 'UTF-8' }, 'k|\\')).toBe(
      'c\\\\d|x\\|y|k\\|\\\\',
    )
  })

  it('reads the callback', () => {
    expect(readCallback(callback)).toMatchObject({
      oid: '202210308C0F',
      amountMinor: 101,
      approved: true,
      authCode: '216981',
      maskedPan: '435508***4358',
    })
    expect(readCallback({ ...callback, ProcReturnCode: '05' }).approved).toBe(false)
    expect(CMI_ANSWER).toEqual({ capture: 'ACTION=POSTAUTH', acknowledged: 'APPROVED', failure: 'FAILURE' })
  })
})

describe('CMI messages', () => {
  it('formats and parses amounts', () => {
    expect(formatAmount(28500)).toBe('285.00')
    expect(parseAmount('285.00')).toBe(28500)
    expect(parseAmount('285.5')).toBe(28550)
    expect(parseAmount('285')).toBe(28500)
    for (const bad of ['', '-1', '1,00', '1.005', 'abc']) expect(parseAmount(bad)).toBeNull()
  })

  it('builds a 3D_PAY_HOSTING form whose HASH verifies', () => {
    const form = paymentForm(
      { clientId: '600002599', storeKey: 'TEST1234', gatewayUrl: 'x', shopUrl: 'https://hub/' },
      {
        oid: 'MT2017060001',
        amountMinor: 28500,
        currency: '504',
        okUrl: 'https://hub/ok',
        failUrl: 'https://hub/fail',
        callbackUrl: 'https://hub/callback',
        rnd: '0123456789',
        lang: 'fr',
        email: 'client@example.ma',
        billToName: 'Karim Alaoui',
      },
    )
    expect(form).toMatchObject({
      amount: '285.00',
      storetype: '3D_PAY_HOSTING',
      hashAlgorithm: 'ver3',
      currency: '504',
    })
    expect(verifyHash(form, 'TEST1234')).toBe(true)
    expect(verifyHash({ ...form, amount: '1.00' }, 'TEST1234')).toBe(false)
  })
})
