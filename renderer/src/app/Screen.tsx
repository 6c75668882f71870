import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/PageHeader'
import { CustomerDetail } from '../features/customers/CustomerDetail'
import { CustomerCreatePage, CustomerEditPage } from '../features/customers/CustomerFormPage'
import { CustomerList } from '../features/customers/CustomerList'
import { WorkspaceHome } from '../features/home/WorkspaceHome'
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
      return <CustomerEditPage key={route.id} workspace={route.workspace} id={route.id} />
    case 'notFound':
      return <NotFound />
  }
}
