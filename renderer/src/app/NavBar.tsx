import { NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { IconAnchor, IconAntenna, IconHome, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useRoute } from './navigation'
import { defaultListState, formatRoute, type Workspace, workspaces } from './routes'

const workspaceIcons = { harbour: IconAnchor, telecom: IconAntenna } as const

/** The two workspaces and their screens; only screens that exist are listed. */
export function NavBar() {
  const { t } = useTranslation()
  const route = useRoute()
  const inWorkspace = (w: Workspace) => route.name !== 'notFound' && route.workspace === w
  const isCustomers = route.name.startsWith('customer')

  return (
    <ScrollArea component="nav" aria-label={t('nav.label')} type="scroll">
      <Stack gap="md" p="xs">
        {workspaces.map((workspace) => {
          const Icon = workspaceIcons[workspace]
          const here = inWorkspace(workspace)
          return (
            <section key={workspace} aria-labelledby={`nav-${workspace}`}>
              <Text
                id={`nav-${workspace}`}
                size="xs"
                fw={700}
                tt="uppercase"
                c={here ? undefined : 'dimmed'}
                px="xs"
                pb={4}
                style={{ display: 'flex', alignItems: 'center', gap: 6, letterSpacing: 0.4 }}
              >
                <Icon size={14} stroke={1.8} />
                {t(`workspace.${workspace}`)}
              </Text>
              <NavLink
                href={formatRoute({ name: 'home', workspace })}
                label={t('nav.home')}
                leftSection={<IconHome size={16} stroke={1.6} />}
                active={here && route.name === 'home'}
                aria-current={here && route.name === 'home' ? 'page' : undefined}
              />
              <NavLink
                href={formatRoute({ name: 'customers', workspace, list: defaultListState })}
                label={t('nav.customers')}
                leftSection={<IconUsers size={16} stroke={1.6} />}
                active={here && isCustomers}
                aria-current={here && isCustomers ? 'page' : undefined}
              />
            </section>
          )
        })}
      </Stack>
    </ScrollArea>
  )
}
