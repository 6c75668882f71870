import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/PageHeader'
import { CustomerDetail } from '../features/customers/CustomerDetail'
import { CustomerCreatePage, CustomerEditPage } from '../features/customers/CustomerFormPage'
import { CustomerList } from '../features/customers/CustomerList'
import { WorkspaceHome } from '../features/home/WorkspaceHome'
import { SettingsScreen } from '../features/settings/SettingsScreen'
import { StaffScreen } from '../features/staff/StaffScreen'
import { ConflictsScreen } from '../features/sync/ConflictsScreen'
import { SyncScreen } from '../features/sync/SyncScreen'
import { useCurrentSession } from '../session/useSession'
import { mayCall } from './access'
import { findSection } from './areaRegistry'
import { Restricted } from './Restricted'
import type { Route } from './routes'

function NotFound() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('common.notFound')} />
      <Text c="dimmed">{t('common.notFound')}</Text>
    </>
  )
}

/** A workspace area's screen, if the section exists in that workspace and the role may open it. */
function AreaScreen({ route }: { route: Extract<Route, { name: 'area' }> }) {
  const { t } = useTranslation()
  const role = useCurrentSession().staff.role
  const section = findSection(route.workspace, route.section)
  if (!section) return <NotFound />
  if (!mayCall(role, section.channel))
    return (
      <Restricted
        title={section.nav ? t(section.nav.labelKey as 'common.notFound') : t('common.restricted')}
      />
    )
  const Component = section.component
  return <Component workspace={route.workspace} rest={route.rest} params={route.params} />
}

/** The screen of a route; keyed so that moving between two customers starts from a clean state. */
export function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <WorkspaceHome key={route.workspace} workspace={route.workspace} />
    case 'customers':
      return <CustomerList workspace={route.workspace} list={route.list} />
    case 'customerNew':
      return <CustomerCreatePage key="new" workspace={route.workspace} />
    case 'customer':
      return <CustomerDetail key={route.id} workspace={route.workspace} id={route.id} />
    case 'customerEdit':
      return (
        <CustomerEditPage
          key={route.id}
          workspace={route.workspace}
          id={route.id}
          // Opened from a sync issue: saving or cancelling goes back there, to retry or discard.
          {...(route.from === 'sync' ? { returnTo: { name: 'sync', workspace: route.workspace } } : {})}
        />
      )
    case 'sync':
      return <SyncScreen workspace={route.workspace} />
    case 'conflicts':
      return <ConflictsScreen workspace={route.workspace} tab={route.tab} />
    case 'settings':
      return <SettingsScreen />
    case 'staff':
      return <StaffScreen />
    case 'area':
      return <AreaScreen key={`${route.workspace}/${route.section}/${route.rest.join('/')}`} route={route} />
    case 'notFound':
      return <NotFound />
  }
}
