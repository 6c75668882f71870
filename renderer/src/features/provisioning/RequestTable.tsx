import { Badge, Button, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ProvisioningRequestView } from '../../../../preload/contract'
import { call } from '../../api/call'
import { channelKey } from '../../api/queryKeys'
import { notifyError, notifySuccess } from '../../components/notify'
import { formatDateTime, formatPhone } from '../../lib/format'
import { reasonText, requestDetails, stateColors, waitingText } from './requestText'

function lineText(r: ProvisioningRequestView): string {
  return r.lineLabel ? formatPhone(r.lineLabel) : r.lineId.slice(-8)
}

function RetryButton({ request: r }: { request: ProvisioningRequestView }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const retry = useMutation({
    mutationFn: () => call('provisioning.retry', { id: r.id }),
    onSuccess: () => {
      notifySuccess(t('provisioning.retried'))
      void client.invalidateQueries({ queryKey: channelKey('provisioning.list') })
      void client.invalidateQueries({ queryKey: channelKey('provisioning.summary') })
    },
    onError: (error) => notifyError(t, error),
  })
  return (
    <Button
      size="compact-xs"
      variant="light"
      leftSection={<IconRefresh size={14} />}
      loading={retry.isPending}
      onClick={() => retry.mutate()}
      aria-label={t('provisioning.retryLabel', {
        action: t(`provisioning.actions.${r.action}`),
        line: lineText(r),
      })}
    >
      {t('provisioning.retry')}
    </Button>
  )
}

/** Requests as rows: when, which line, what, the state (with the operator's reason), and a retry. */
export function RequestTable({
  requests,
  showLine = true,
  label,
}: {
  requests: ProvisioningRequestView[]
  showLine?: boolean
  label: string
}) {
  const { t, i18n } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table highlightOnHover aria-label={label} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('provisioning.columns.createdAt')}</Table.Th>
            {showLine && <Table.Th>{t('provisioning.columns.line')}</Table.Th>}
            <Table.Th>{t('provisioning.columns.action')}</Table.Th>
            <Table.Th>{t('provisioning.columns.details')}</Table.Th>
            <Table.Th>{t('provisioning.columns.state')}</Table.Th>
            <Table.Th ta="right">{t('provisioning.columns.attempts')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => {
            const why = reasonText(t, r) ?? waitingText(t, r, i18n.language)
            return (
              <Table.Tr key={r.id} data-state={r.state} data-request-id={r.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(r.createdAt, i18n.language)}
                </Table.Td>
                {showLine && (
                  <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {lineText(r)}
                  </Table.Td>
                )}
                <Table.Td miw={120}>{t(`provisioning.actions.${r.action}`)}</Table.Td>
                <Table.Td miw={150} maw={260}>
                  <Text size="sm" style={{ overflowWrap: 'break-word' }}>
                    {requestDetails(t, r, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td miw={230} maw={340}>
                  <Stack gap={2} align="flex-start">
                    <Tooltip label={t(`provisioning.stateHelp.${r.state}`)} openDelay={400}>
                      <Badge color={stateColors[r.state]} variant="light">
                        {t(`provisioning.states.${r.state}`)}
                      </Badge>
                    </Tooltip>
                    {why && (
                      <Text size="xs" c={r.state === 'failed' ? 'red' : 'dimmed'}>
                        {why}
                      </Text>
                    )}
                    {r.operatorRef && (
                      <Text size="xs" c="dimmed" title={t('provisioning.columns.operatorRef')}>
                        {t('provisioning.columns.operatorRef')}{' '}
                        <span style={{ fontFamily: 'monospace' }}>{r.operatorRef}</span>
                      </Text>
                    )}
                    {!r.ownDesk && (
                      <Text size="xs" c="dimmed">
                        {t('provisioning.otherDesk', { desk: r.deskId })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {r.attempts}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.retryable && <RetryButton request={r} />}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
