import type { Role } from '../../preload/contract'

/** The staff created on first run, as listed in the README. */
export const demoStaff: { username: string; displayName: string; role: Role; password: string }[] = [
  { username: 'marie', displayName: 'Marie Lefèvre', role: 'counter', password: 'guichet-demo' },
  { username: 'youssef', displayName: 'Youssef El Amrani', role: 'agent', password: 'guichet-demo' },
  { username: 'claire', displayName: 'Claire Dubois', role: 'supervisor', password: 'guichet-demo' },
  { username: 'admin', displayName: 'Administrateur', role: 'admin', password: 'guichet-demo' },
]
