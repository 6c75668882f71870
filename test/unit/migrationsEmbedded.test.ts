import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../main/db/migrate'
import { migrationsDir, readMigrationFiles, renderEmbedded } from '../../main/db/migrationFiles'
import { migrations } from '../../main/db/migrations.generated'

describe('embedded migrations', () => {
  const fromFiles = readMigrationFiles(migrationsDir)

  it('match the SQL files drizzle-kit wrote (run `npm run db:generate` if this fails)', () => {
    expect(migrations).toEqual(fromFiles)
  })

  it('are the exact text the embed script writes', () => {
    const generated = readFileSync(join(migrationsDir, '..', 'migrations.generated.ts'), 'utf8')
    expect(generated).toBe(renderEmbedded(fromFiles))
  })

  it('are numbered in journal order, each with statements', () => {
    expect(fromFiles.length).toBeGreaterThan(0)
    fromFiles.forEach((m, i) => {
      expect(m.tag.startsWith(String(i).padStart(4, '0'))).toBe(true)
      expect(m.statements.length).toBeGreaterThan(0)
      for (const statement of m.statements) expect(statement).not.toContain('--> statement-breakpoint')
    })
  })

  it('set the schema version this build writes', () => {
    expect(SCHEMA_VERSION).toBe(fromFiles.length)
  })
})
