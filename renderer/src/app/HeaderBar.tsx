import { Button, Group, Kbd, Text } from '@mantine/core'
import { IconBuildingStore, IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../preload/contract'
import { ColorSchemeToggle } from '../components/ColorSchemeToggle'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { globalSearch } from '../features/search/globalSearchStore'
import { UserMenu } from './UserMenu'

interface Props {
  session: SessionInfo
  onShortcuts(): void
  onLock(): void
  onLogout(): void
}

export function HeaderBar({ session, onShortcuts, onLock, onLogout }: Props) {
  const { t } = useTranslation()
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <IconBuildingStore size={22} stroke={1.6} color="var(--mantine-primary-color-filled)" aria-hidden />
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <Text size="sm" c="dimmed" truncate>
          {t('header.desk', { id: session.deskId })} · {session.deskName}
        </Text>
      </Group>
      <Button
        variant="default"
        w={340}
        justify="space-between"
        leftSection={<IconSearch size={16} stroke={1.6} />}
        rightSection={<Kbd size="xs">{t('header.searchShortcut')}</Kbd>}
        onClick={globalSearch.open}
        aria-keyshortcuts="Control+K"
        styles={{ label: { flex: 1, fontWeight: 400, color: 'var(--mantine-color-dimmed)' } }}
      >
        {t('header.search')}
      </Button>
      <Group gap="sm" wrap="nowrap">
        <LanguageSwitch />
        <ColorSchemeToggle />
        <UserMenu session={session} onShortcuts={onShortcuts} onLock={onLock} onLogout={onLogout} />
      </Group>
    </Group>
  )
}
