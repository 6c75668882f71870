import { IconBroadcast } from '@tabler/icons-react'
import type { AreaSection } from '../../app/areaSection'
import { RequestsScreen } from './RequestsScreen'

/** The provisioning area's screens (see app/areaRegistry.ts). */
export const provisioningSections: AreaSection[] = [
  {
    section: 'requests',
    workspaces: ['telecom'],
    component: RequestsScreen,
    nav: { labelKey: 'provisioning.nav', icon: IconBroadcast },
    channel: 'provisioning.list',
  },
]
