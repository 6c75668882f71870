import { Button, Group, Select } from '@mantine/core'
import { IconFileInvoice } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { formatMoney } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import { useInvoicingSaved } from './useInvoicingSaved'

/**
 * "Facturer un contrat": issues the next instalment of one of the customer's signed harbour
 * contracts (the amount comes from the contract, computed by the harbour area).
 */
export function ContractInvoicingBlock({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const contracts = useChannelQuery('harbour.contracts.list', { customerId, limit: 20 })
  const issue = useChannelMutation('invoicing.invoices.issueContract')
  const saved = useInvoicingSaved()
  const [contractId, setContractId] = useState<string | null>(null)
  const [error, setError] = useState<React.ReactNode>(null)
  const options = (contracts.data?.items ?? [])
    .filter((c) => c.status === 'signed' && c.kind === 'contract')
    .map((c) => ({
      value: c.id,
      label: `${c.contractNumber} · ${c.boatName} · ${formatMoney(c.totalGrossMinor, c.currency, i18n.language)}`,
    }))
  if (options.length === 0) return null
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault()
        if (!contractId) return setError(t('validation.required'))
        try {
          const invoice = await issue.mutateAsync({ contractId })
          notifySuccess(t('invoicing.new.issued', { number: invoice.invoiceNumber }))
          setError(null)
          saved()
        } catch (err) {
          setError(serverFieldErrors(t, err, (p) => (p === 'contractId' ? p : null)).contractId ?? null)
        }
      }}
    >
      <Group align="flex-end" gap="xs" mb="sm">
        <Select
          size="xs"
          w={420}
          label={t('invoicing.account.contract')}
          data={options}
          value={contractId}
          onChange={setContractId}
          error={error}
        />
        <Button
          size="xs"
          type="submit"
          variant="default"
          leftSection={<IconFileInvoice size={14} />}
          loading={issue.isPending}
        >
          {t('invoicing.account.invoiceContract')}
        </Button>
      </Group>
    </form>
  )
}
