import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { checkAttachment } from '../../main/modules/fleetDesk/attachmentCheck'
import { canMoveBlankSimOrder } from '../../main/modules/fleetDesk/blankSimService'
import { mayResendInvitation } from '../../main/modules/fleetDesk/fleetUserRules'
import { outOfBundleMinor, summarizeConsumption } from '../../main/modules/fleetDesk/packConsumption'
import { canMoveTicket, nextTicketStatuses } from '../../main/modules/fleetDesk/ticketStatus'
import { toFieldIssues } from '../../preload/contract/fieldIssues'
import {
  blankSimOrderInput,
  isBlankSimQuantity,
  MAX_ATTACHMENT_BYTES,
  type TicketStatus,
  ticketCreateInput,
  ticketStatuses,
} from '../../preload/contract/fleetDesk'
import { FILES } from '../helpers/fleetDeskFiles'

const CUSTOMER = '01JF0000000000000000000000'

describe('blank SIM quantity: multiples of 10', () => {
  it.each([
    [10, true],
    [20, true],
    [990, true],
    [1000, true],
    [0, false],
    [5, false],
    [15, false],
    [-10, false],
    [10.5, false],
    [1010, false],
  ])('%d → %s', (quantity, ok) => {
    expect(isBlankSimQuantity(quantity)).toBe(ok)
  })

  it('the contract refuses 25 at the quantity field with the multiple-of-ten message', () => {
    const parsed = blankSimOrderInput.safeParse({
      customerId: CUSTOMER,
      quantity: 25,
      address: {
        country: 'be',
        postalCode: '2050',
        city: 'Antwerpen',
        street: 'Katwilgweg',
        houseNumber: '2',
      },
    })
    expect(parsed.success).toBe(false)
    expect(toFieldIssues(parsed.error!)).toEqual([
      { path: 'quantity', key: 'validation.multipleOfTen', params: { step: 10, maximum: 1000 } },
    ])
  })
})

describe('ticket statuses', () => {
  const allowed: [TicketStatus, TicketStatus][] = [
    ['open', 'in_progress'],
    ['open', 'waiting_customer'],
    ['open', 'resolved'],
    ['open', 'closed'],
    ['in_progress', 'waiting_customer'],
    ['in_progress', 'resolved'],
    ['waiting_customer', 'in_progress'],
    ['waiting_customer', 'resolved'],
    ['waiting_customer', 'closed'],
    ['resolved', 'in_progress'],
    ['resolved', 'closed'],
  ]
  const key = (a: string, b: string) => `${a}→${b}`
  const allowedKeys = new Set(allowed.map(([a, b]) => key(a, b)))
  const every = ticketStatuses.flatMap((from) => ticketStatuses.map((to) => [from, to] as const))

  it.each(every)('%s → %s', (from, to) => {
    expect(canMoveTicket(from, to)).toBe(allowedKeys.has(key(from, to)))
  })

  it('closed is final; no status moves to itself', () => {
    expect(nextTicketStatuses('closed')).toEqual([])
    for (const s of ticketStatuses) expect(canMoveTicket(s, s)).toBe(false)
  })
})

describe('blank SIM order statuses', () => {
  it.each([
    ['ordered', 'shipped', true],
    ['ordered', 'cancelled', true],
    ['shipped', 'delivered', true],
    ['shipped', 'cancelled', false],
    ['ordered', 'delivered', false],
    ['delivered', 'ordered', false],
    ['cancelled', 'shipped', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canMoveBlankSimOrder(from, to)).toBe(ok)
  })
})

describe('resend an invitation', () => {
  it('only while the profile is not validated', () => {
    expect(mayResendInvitation('INVITED')).toBe(true)
    expect(mayResendInvitation('VALIDATED')).toBe(false)
  })
})

describe('pack consumption', () => {
  const terms = {
    id: 'P1',
    unit: 'MB' as const,
    allowance: 1000,
    overUnitPriceMinor: 2,
    currency: 'EUR',
    notifyEnabled: true,
    notifyThresholdMinor: 500,
  }

  it('out-of-bundle amount: nothing within the allowance, per unit beyond', () => {
    expect(outOfBundleMinor(terms, 0)).toBe(0)
    expect(outOfBundleMinor(terms, 1000)).toBe(0)
    expect(outOfBundleMinor(terms, 1001)).toBe(2)
    expect(outOfBundleMinor(terms, 1400)).toBe(800)
  })

  it('sums the days, runs the total, and flags the day the threshold is reached', () => {
    const s = summarizeConsumption(
      terms,
      '2026-02',
      [
        { date: '2026-02-01', quantity: 600 },
        { date: '2026-02-03', quantity: 500 },
        { date: '2026-02-03', quantity: 100 }, // a second report of the same day adds up
        { date: '2026-02-10', quantity: 50 },
        { date: '2026-02-11', quantity: 100 },
        { date: '2026-03-01', quantity: 999 }, // another month: ignored
      ],
      [
        { lineId: 'L2', phoneNumber: '+32470000002', quantity: 300 },
        { lineId: 'L1', phoneNumber: '+32470000001', quantity: 900 },
        { lineId: 'L3', phoneNumber: '+32470000003', quantity: 150 },
        { lineId: 'L4', phoneNumber: '+32470000004', quantity: 0 },
      ],
      2,
    )
    expect(s.daily).toHaveLength(28)
    expect(s.daily[0]).toEqual({ date: '2026-02-01', quantity: 600, cumulative: 600 })
    expect(s.daily[2]).toEqual({ date: '2026-02-03', quantity: 600, cumulative: 1200 })
    expect(s.daily.at(-1)).toEqual({ date: '2026-02-28', quantity: 0, cumulative: 1350 })
    expect(s.used).toBe(1350)
    expect(s.over).toBe(350)
    expect(s.overAmountMinor).toBe(700)
    // 1200 on the 3rd = 400 cents; 1250 on the 10th = 500 cents: reached that day.
    expect(s.thresholdCrossedOn).toBe('2026-02-10')
    expect(s.alert).toBe(true)
    expect(s.lines.map((l) => l.lineId)).toEqual(['L1', 'L2'])
    expect(s.lineCount).toBe(3)
  })

  it('no alert when notifications are off, even past the threshold; none below it', () => {
    const daily = [{ date: '2026-11-02', quantity: 5000 }]
    const off = summarizeConsumption({ ...terms, notifyEnabled: false }, '2026-11', daily, [], 10)
    expect(off.thresholdCrossedOn).toBe('2026-11-02')
    expect(off.alert).toBe(false)
    const below = summarizeConsumption(terms, '2026-11', [{ date: '2026-11-02', quantity: 1249 }], [], 10)
    expect(below.overAmountMinor).toBe(498)
    expect(below.thresholdCrossedOn).toBeNull()
    expect(below.alert).toBe(false)
  })

  it('a correction (negative record) lowers the running total', () => {
    const s = summarizeConsumption(
      terms,
      '2026-11',
      [
        { date: '2026-11-01', quantity: 1300 },
        { date: '2026-11-02', quantity: -300 },
      ],
      [],
      10,
    )
    expect(s.used).toBe(1000)
    expect(s.overAmountMinor).toBe(0)
    expect(s.thresholdCrossedOn).toBe('2026-11-01')
  })
})

describe('ticket attachments: type from the bytes', () => {
  it.each([
    ['offre.pdf', 'pdf', 'application/pdf'],
    ['photo.jpg', 'jpeg', 'image/jpeg'],
    ['photo.JPEG', 'jpeg', 'image/jpeg'],
    ['capture.png', 'png', 'image/png'],
    ['employes.csv', 'csv', 'text/csv'],
  ] as const)('accepts %s', async (name, kind, mimeType) => {
    expect(await checkAttachment(name, FILES[kind])).toEqual({
      ok: true,
      mimeType,
      kind: kind === 'jpeg' ? 'jpg' : kind,
    })
  })

  it('accepts a real .xlsx workbook', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Salariés').addRow(['Nom', 'Prénom'])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    expect(await checkAttachment('salaries.xlsx', bytes)).toMatchObject({ ok: true, kind: 'xlsx' })
  })

  it.each([
    ['a PNG named .pdf', 'contrat.pdf', 'png', 'extension'],
    ['a PDF named .png', 'capture.png', 'pdf', 'extension'],
    ['a Windows program named .pdf', 'facture.pdf', 'exe', 'type'],
    ['a Windows program named .exe', 'setup.exe', 'exe', 'type'],
    ['a ZIP archive named .csv', 'liste.csv', 'zip', 'type'],
    ['text named .pdf', 'note.pdf', 'csv', 'extension'],
    ['text with NUL bytes named .csv', 'liste.csv', 'binary', 'type'],
    ['text with no extension', 'liste', 'csv', 'type'],
    ['an empty file', 'vide.pdf', 'empty', 'empty'],
  ] as const)('refuses %s', async (_what, name, content, reason) => {
    expect(await checkAttachment(name, FILES[content])).toEqual({ ok: false, reason })
  })
})

describe('ticket input', () => {
  const base = {
    customerId: CUSTOMER,
    subject: 'sim_options',
    detail: 'reactivate_paused_sims',
    lineId: '01JF0000000000000000000001',
    actionDate: '2026-11-25',
    message: 'Merci de réactiver.',
    contactEmail: 'margaux.sastre@example.be',
    contactMobile: '0488 33 94 85',
  }
  const file = (fileName: string, bytes = 10) => ({
    fileName,
    base64: Buffer.alloc(bytes, 1).toString('base64'),
  })
  const issues = (input: unknown) => {
    const parsed = ticketCreateInput.safeParse(input, { reportInput: true })
    return parsed.success ? [] : toFieldIssues(parsed.error)
  }

  it('accepts four attachments, refuses a fifth at the attachments field', () => {
    const four = ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf'].map((n) => file(n))
    expect(issues({ ...base, attachments: four })).toEqual([])
    expect(issues({ ...base, attachments: [...four, file('e.pdf')] })).toEqual([
      { path: 'attachments', key: 'validation.tooManyAttachments' },
    ])
  })

  it('refuses a file over the size limit, with the limit in KiB', () => {
    expect(issues({ ...base, attachments: [file('big.pdf', MAX_ATTACHMENT_BYTES + 1)] })).toEqual([
      { path: 'attachments.0.base64', key: 'validation.fileTooBig', params: { maximum: 2048 } },
    ])
    expect(issues({ ...base, attachments: [file('ok.pdf', MAX_ATTACHMENT_BYTES)] })).toEqual([])
  })

  it('needs the line and the date for a SIM action, and a detail of the chosen subject', () => {
    expect(issues({ ...base, lineId: undefined, actionDate: undefined })).toEqual([
      { path: 'lineId', key: 'validation.required' },
      { path: 'actionDate', key: 'validation.required' },
    ])
    expect(issues({ ...base, subject: 'billing' })).toEqual([
      { path: 'detail', key: 'validation.detailOfSubject' },
    ])
    expect(issues({ ...base, detail: 'order_blank_sims' })).toEqual([
      { path: 'detail', key: 'validation.useBlankSimOrder' },
    ])
  })

  it('checks the contact email and mobile', () => {
    expect(issues({ ...base, contactEmail: 'margaux', contactMobile: '12' })).toEqual([
      { path: 'contactEmail', key: 'validation.email' },
      { path: 'contactMobile', key: 'validation.phone' },
    ])
  })
})
