import { eq } from 'drizzle-orm'
import type { DeskSettings } from '../../../preload/contract'
import { settings } from '../../db/schema'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'

export const settingEntity: EntityDef<typeof settings> = {
  name: 'setting',
  table: settings,
  synced: false,
  versioned: false,
}

const defaults = { lockAfterMinutes: 5, deskName: 'Guichet de démonstration' }

/** Desk-local settings; the desk id itself comes from configuration and never changes. */
export class SettingsService {
  constructor(
    private readonly repo: Repository,
    readonly deskId: string,
    private readonly overrides: Partial<DeskSettings> = {},
  ) {}

  // Read on every channel call (the lock delay): kept in memory, refreshed when this service
  // writes them, which is the only way they change.
  private cached: DeskSettings | null = null

  get(): DeskSettings {
    if (this.cached) return this.cached
    this.cached = this.read()
    return this.cached
  }

  private read(): DeskSettings {
    const read = (id: string) => this.repo.db.select().from(settings).where(eq(settings.id, id)).get()?.value
    const lock =
      this.overrides.lockAfterMinutes ?? Number(read('lockAfterMinutes') ?? defaults.lockAfterMinutes)
    return {
      deskId: this.deskId,
      deskName: this.overrides.deskName ?? read('deskName') ?? defaults.deskName,
      lockAfterMinutes: lock,
    }
  }

  update(actor: Actor, patch: Partial<Omit<DeskSettings, 'deskId'>>): DeskSettings {
    this.repo.write(actor, 'settings.update', (unit) => {
      for (const [key, raw] of Object.entries(patch)) {
        if (raw === undefined) continue
        const value = String(raw)
        if (unit.load(settingEntity, key)) unit.update(settingEntity, key, { value })
        else unit.insert(settingEntity, { id: key, value })
      }
    })
    this.cached = null
    return this.get()
  }
}
