import type { ContractInvoiceBasis } from '../harbour/contractInvoiceBasis'
import { lineNet, splitInstalments, type VatLineInput } from './vatTotals'

/**
 * The lines of instalment `no` of a contract invoiced in `basis.instalments` parts: each line's
 * net amount is split so that the instalments add up to the contract to the cent (the first ones
 * carry the remainder). VAT is then computed per invoice on its own lines, as on any invoice.
 */
export function contractInstalmentLines(
  basis: Pick<ContractInvoiceBasis, 'lines' | 'instalments'>,
  no: number,
): (VatLineInput & { label: string })[] {
  const count = Math.max(1, basis.instalments)
  return basis.lines.map((line) => {
    const quantityMilli = line.quantity * 1000
    if (count === 1) {
      return { label: line.label, quantityMilli, unitNetMinor: line.unitNetMinor, vatRateBp: line.vatRateBp }
    }
    const net = lineNet({ quantityMilli, unitNetMinor: line.unitNetMinor, vatRateBp: line.vatRateBp })
    return {
      label: `${line.label} — échéance ${no}/${count}`,
      quantityMilli: 1000,
      unitNetMinor: splitInstalments(net, count)[no - 1]!,
      vatRateBp: line.vatRateBp,
    }
  })
}
