import type { Core } from '../app/core'

export interface SeedOptions {
  scale: number
  seed: number
}

/** Placeholder until the demo-data generator lands: writes nothing. */
export function seedDemoData(_core: Core, _options: SeedOptions): void {}
