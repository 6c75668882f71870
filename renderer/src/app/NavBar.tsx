import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import {
  IconAnchor,
  IconAntenna,
  IconArrowsDiff,
  IconDeviceDesktop,
  IconHome,
  IconRefresh,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSyncStatus } from '../features/sync/useSyncStatus'
import { useCurrentSession } from '../session/useSession'
import { mayCall } from './access'
import { areaSections } from './areaRegistry'
import { useRoute, useWorkspace } from './navigation'
import { defaultListState, formatRoute, isDeskRoute, type Route, type Workspace, workspaces } from './routes'

const workspaceIcons = { harbour: IconAnchor, telecom: IconAntenna } as const

function SectionTitle({
  id,
  icon: Icon,
  label,
  here,
}: {
  id: string
  icon: typeof IconHome
  label: string
  here: boolean
}) {
  return (
    <Text
      id={id}
      size="xs"
      fw={700}
      tt="uppercase"
      c={here ? undefined : 'dimmed'}
      px="xs"
      pb={4}
      style={{ display: 'flex', alignItems: 'center', gap: 6, letterSpacing: 0.4 }}
    >
      <Icon size={14} stroke={1.8} />
      {label}
    </Text>
  )
}

function Count({ value, color }: { value: number; color: string }) {
  if (value <= 0) return null
  return (
    <Badge size="xs" variant="filled" color={color} circle={value < 10}>
      {value}
    </Badge>
  )
}

/** The desk's own screens, in the workspace the clerk is in; only those the role may open. */
function DeskSection() {
  const { t } = useTranslation()
  const route = useRoute()
  const workspace = useWorkspace()
  const role = useCurrentSession().staff.role
  const status = useSyncStatus().data
  const link = (target: Route, label: string, icon: React.ReactNode, right?: React.ReactNode) => {
    const active = route.name === target.name
    return (
      <NavLink
        href={formatRoute(target)}
        label={label}
        leftSection={icon}
        rightSection={right}
        active={active}
        aria-current={active ? 'page' : undefined}
      />
    )
  }
  return (
    <section aria-labelledby="nav-desk">
      <SectionTitle id="nav-desk" icon={IconDeviceDesktop} label={t('nav.desk')} here={isDeskRoute(route)} />
      {link(
        { name: 'sync', workspace },
        t('nav.sync'),
        <IconRefresh size={16} stroke={1.6} />,
        <Count value={status?.rejected ?? 0} color="red" />,
      )}
      {mayCall(role, 'conflicts.list') &&
        link(
          { name: 'conflicts', workspace, tab: 'open' },
          t('nav.conflicts'),
          <IconArrowsDiff size={16} stroke={1.6} />,
          <Count value={status?.openConflicts ?? 0} color="orange" />,
        )}
      {link({ name: 'settings', workspace }, t('nav.settings'), <IconSettings size={16} stroke={1.6} />)}
      {mayCall(role, 'staff.list') &&
        link({ name: 'staff', workspace }, t('nav.staff'), <IconUsersGroup size={16} stroke={1.6} />)}
    </section>
  )
}

/** The two workspaces and their screens, then the desk's own; only screens that exist are listed. */
export function NavBar() {
  const { t } = useTranslation()
  const route = useRoute()
  const inWorkspace = (w: Workspace) =>
    route.name !== 'notFound' && !isDeskRoute(route) && route.workspace === w
  const isCustomers = route.name.startsWith('customer')
  const role = useCurrentSession().staff.role

  return (
    <ScrollArea component="nav" aria-label={t('nav.label')} type="scroll">
      <Stack gap="md" p="xs">
        {workspaces.map((workspace) => {
          const here = inWorkspace(workspace)
          return (
            <section key={workspace} aria-labelledby={`nav-${workspace}`}>
              <SectionTitle
                id={`nav-${workspace}`}
                icon={workspaceIcons[workspace]}
                label={t(`workspace.${workspace}`)}
                here={here}
              />
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
              {areaSections
                .filter((s) => s.nav && s.workspaces.includes(workspace) && mayCall(role, s.channel))
                .map((s) => {
                  const active = here && route.name === 'area' && route.section === s.section
                  const Icon = s.nav?.icon ?? IconHome
                  return (
                    <NavLink
                      key={s.section}
                      href={formatRoute({
                        name: 'area',
                        workspace,
                        section: s.section,
                        rest: [],
                        params: {},
                      })}
                      label={t(s.nav?.labelKey as 'nav.home')}
                      leftSection={<Icon size={16} stroke={1.6} />}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                    />
                  )
                })}
            </section>
          )
        })}
        <DeskSection />
      </Stack>
    </ScrollArea>
  )
}
