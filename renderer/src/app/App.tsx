import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import 'dayjs/locale/fr'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role, SessionInfo } from '../../../preload/contract'
import { createQueryClient } from '../api/queryClient'
import { LockScreen } from '../session/LockScreen'
import { LoginScreen } from '../session/LoginScreen'
import { useIdleLock } from '../session/useIdleLock'
import { useSession, useSessionActions } from '../session/useSession'
import { GuichetShell } from './AppShell'
import { FullPageMessage } from './FullPageMessage'
import { RouteContext, useHashRoute } from './navigation'
import type { Workspace } from './routes'
import { Screen } from './Screen'
import { theme } from './theme'

const colorSchemeManager = localStorageColorSchemeManager({ key: 'guichet.color-scheme' })

/** Telecom agents land in their workspace; everyone else at the harbour office. */
function homeWorkspace(role: Role): Workspace {
  return role === 'agent' ? 'telecom' : 'harbour'
}

function SignedIn({ session }: { session: SessionInfo }) {
  const route = useHashRoute(homeWorkspace(session.staff.role))
  const { lock } = useSessionActions()
  useIdleLock(session.lockAfterMinutes, !session.locked, () => void lock())

  return (
    <RouteContext.Provider value={route}>
      <GuichetShell session={session}>
        <Screen route={route} />
      </GuichetShell>
      {session.locked && <LockScreen session={session} />}
    </RouteContext.Provider>
  )
}

function SessionGate() {
  const session = useSession()
  if (session.isPending) return <FullPageMessage loading />
  if (session.isError) return <FullPageMessage error={session.error} onRetry={() => void session.refetch()} />
  return session.data ? <SignedIn session={session.data} /> : <LoginScreen />
}

export function App() {
  const [queryClient] = useState(createQueryClient)
  // Calendars (components/DateField.tsx) name months and days in the app's language; weeks start
  // on Monday; weekends are not painted red, a back-office calendar is kept calm.
  const { i18n } = useTranslation()
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <DatesProvider
        settings={{ locale: i18n.language === 'en' ? 'en' : 'fr', firstDayOfWeek: 1, weekendDays: [] }}
      >
        {/* Bottom centre, above the status bar (styles.css): elsewhere they covered actions or a drawer's header. */}
        <Notifications position="bottom-center" limit={3} autoClose={4000} />
        <QueryClientProvider client={queryClient}>
          <SessionGate />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  )
}
