import { AppShell } from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { useEffect } from 'react'
import type { SessionInfo } from '../../../preload/contract'
import { GlobalSearch } from '../features/search/GlobalSearch'
import { globalSearch } from '../features/search/globalSearchStore'
import { SyncBanners } from '../features/sync/SyncBanners'
import { useSessionActions } from '../session/useSession'
import { HeaderBar } from './HeaderBar'
import { NavBar } from './NavBar'
import { navigate, useWorkspace } from './navigation'
import { ShortcutsHelp } from './ShortcutsHelp'
import { StatusBar } from './StatusBar'

/** Header, workspaces navbar, the screen, and the status bar; plus the app-wide shortcuts. */
export function GuichetShell({ session, children }: { session: SessionInfo; children: React.ReactNode }) {
  const workspace = useWorkspace()
  const { lock, logout } = useSessionActions()
  const [helpOpened, help] = useDisclosure(false)
  const locked = session.locked

  useEffect(() => {
    if (locked) {
      globalSearch.close()
      help.close()
    }
  }, [locked, help])

  // Alt+N also works from inside a field: a new customer often starts while another is on screen.
  useHotkeys(
    locked ? [] : [['alt+N', () => navigate({ name: 'customerNew', workspace }), { usePhysicalKeys: true }]],
    [],
  )
  useHotkeys(locked ? [] : [['shift+?', help.open]])

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 230, breakpoint: 0 }}
      footer={{ height: 28 }}
      padding="md"
      // Locked: kept mounted (a half-typed form survives) but neither shown, focusable nor read out.
      inert={locked}
      style={locked ? { visibility: 'hidden' } : undefined}
    >
      <AppShell.Header>
        <HeaderBar
          session={session}
          onShortcuts={help.open}
          onLock={() => void lock()}
          onLogout={() => void logout()}
        />
      </AppShell.Header>
      <AppShell.Navbar>
        <NavBar />
      </AppShell.Navbar>
      <AppShell.Main>
        <SyncBanners />
        {children}
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar session={session} />
      </AppShell.Footer>
      <GlobalSearch disabled={locked} />
      <ShortcutsHelp opened={helpOpened} onClose={help.close} />
    </AppShell>
  )
}
