import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconKeyboard, IconLock, IconLogout } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../preload/contract'

interface Props {
  session: SessionInfo
  onShortcuts(): void
  onLock(): void
  onLogout(): void
}

export function UserMenu({ session, onShortcuts, onLock, onLogout }: Props) {
  const { t } = useTranslation()
  const { staff } = session
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('header.userMenu', { name: staff.displayName })} px={6} py={2}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={28} radius="xl" color="initials" name={staff.displayName} />
            <div style={{ lineHeight: 1.1 }}>
              <Text size="sm" fw={500}>
                {staff.displayName}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`roles.${staff.role}`)}
              </Text>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconKeyboard size={16} />} onClick={onShortcuts}>
          {t('header.shortcuts')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLock size={16} />} onClick={onLock}>
          {t('header.lock')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={onLogout}>
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
