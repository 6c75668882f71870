import { Alert, SimpleGrid, Stack } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { mayCall } from '../../app/access'
import { PageHeader } from '../../components/PageHeader'
import { useCurrentSession } from '../../session/useSession'
import { DeskSettingsForm } from './DeskSettingsForm'
import { GatewayKeysPanel } from './GatewayKeysPanel'
import { HubConnection } from './HubConnection'

/** The desk's settings: everyone reads them, an administrator changes them. */
export function SettingsScreen() {
  const { t } = useTranslation()
  const session = useCurrentSession()
  const role = session.staff.role
  const canEdit = mayCall(role, 'settings.update')
  return (
    <Stack gap="md" maw={1280}>
      <PageHeader title={t('settings.title')} />
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} py="xs">
          {t('settings.readOnly')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <DeskSettingsForm editable={canEdit} />
        <HubConnection editable={mayCall(role, 'sync.connect')} deskId={session.deskId} />
      </SimpleGrid>
      {mayCall(role, 'payments.gatewayKeys.status') && <GatewayKeysPanel />}
    </Stack>
  )
}
