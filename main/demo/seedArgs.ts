import { parseArgs } from 'node:util'
import { CUSTOMERS_PER_SCALE, MAX_SCALE } from './seedDemo'

export interface SeedArgs {
  scale: number
  seed: number
  dataDir?: string
  desk?: string
  /** Delete the desk database first: the only way to seed a database that already has customers. */
  reset: boolean
  help: boolean
}

export const seedUsage = `Usage: npm run seed -- [--scale N] [--seed S] [--data-dir DIR] [--desk C01] [--reset]

  --scale N       ${CUSTOMERS_PER_SCALE} × N demo customers (default 1; 1000 = 200 000; fractions allowed)
  --seed S        integer from 0 to 4294967295 (default 1): the same seed gives the same data
  --data-dir DIR  the desk's data folder (default: $GUICHET_DATA_DIR, else .data/web, the one npm run web uses)
  --desk ID       the desk id, 2 to 8 letters or digits (default: $GUICHET_DESK, else C01)
  --reset         delete the desk database first (all its data, staff included); stop the app beforehand

A database that already has customers is left alone unless --reset is given.`

export class SeedArgsError extends Error {}

function parseScale(raw: string | undefined): number {
  if (raw === undefined) return 1
  const scale = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN
  if (!(scale > 0 && scale <= MAX_SCALE))
    throw new SeedArgsError(`--scale must be a number above 0 and at most ${MAX_SCALE}, got "${raw}"`)
  if (Math.round(scale * CUSTOMERS_PER_SCALE) < 1)
    throw new SeedArgsError(`--scale ${raw} would write no customer (1 = ${CUSTOMERS_PER_SCALE})`)
  return scale
}

function parseSeed(raw: string | undefined): number {
  if (raw === undefined) return 1
  const seed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  if (!(Number.isSafeInteger(seed) && seed <= 0xffffffff))
    throw new SeedArgsError(`--seed must be an integer from 0 to 4294967295, got "${raw}"`)
  return seed
}

/** Reads the seed command's arguments; throws SeedArgsError with a message meant for the user. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        'data-dir': { type: 'string' },
        desk: { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (error) {
    throw new SeedArgsError(error instanceof Error ? error.message : String(error))
  }
  const text = (name: string) => {
    const value = values[name]
    return typeof value === 'string' ? value : undefined
  }
  const desk = text('desk')?.trim().toUpperCase()
  if (desk !== undefined && !/^[A-Z0-9]{2,8}$/.test(desk))
    throw new SeedArgsError(`--desk must be 2 to 8 letters or digits, got "${desk}"`)
  const dataDir = text('data-dir')
  if (dataDir !== undefined && dataDir.trim() === '') throw new SeedArgsError('--data-dir must not be empty')
  return {
    scale: parseScale(text('scale')),
    seed: parseSeed(text('seed')),
    ...(dataDir !== undefined ? { dataDir } : {}),
    ...(desk !== undefined ? { desk } : {}),
    reset: values.reset === true,
    help: values.help === true,
  }
}
