import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { errorMessages } from '../../preload/errors'
import { en } from '../../renderer/src/i18n/en'
import { fr } from '../../renderer/src/i18n/fr'

const root = resolve(import.meta.dirname, '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** Every `validation.*` key that main or the contract can send to the renderer. */
function validationKeysInSources(): string[] {
  const keys = new Set<string>()
  for (const file of [...sourceFiles(join(root, 'preload')), ...sourceFiles(join(root, 'main'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/['"`]validation\.([A-Za-z]+)['"`]/g))
      keys.add(match[1]!)
  }
  return [...keys].sort()
}

/** The path of every leaf string of a resource tree (keys may themselves hold dots). */
function leafPaths(tree: object, prefix: string[] = []): string[][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[...prefix, key]] : leafPaths(value as object, [...prefix, key]),
  )
}

function textAt(tree: object, path: string[]): unknown {
  return path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
}

const joined = (paths: string[][]) => paths.map((p) => p.join(' > ')).sort()

describe('translations', () => {
  const keys = validationKeysInSources()

  it('finds the validation keys in the sources', () => {
    expect(keys).toContain('email')
    expect(keys).toContain('required')
    expect(keys).toContain('unknownField')
  })

  it.each(keys)('validation.%s is translated in French and English', (key) => {
    expect(fr.validation).toHaveProperty(key)
    expect(en.validation).toHaveProperty(key)
  })

  it('French and English have the same keys, none empty', () => {
    expect(joined(leafPaths(en))).toEqual(joined(leafPaths(fr)))
    for (const path of leafPaths(fr)) expect(textAt(fr, path), path.join('.')).not.toBe('')
  })

  it('error messages come from the shared table, not a copy', () => {
    for (const [code, texts] of Object.entries(errorMessages)) {
      expect(fr.errors[code as keyof typeof fr.errors]).toBe(texts.fr)
      expect(en.errors[code as keyof typeof en.errors]).toBe(texts.en)
    }
  })

  it('English texts are not left in French', () => {
    const frenchOnly = leafPaths(fr).filter((path) => {
      const text = String(textAt(fr, path))
      return text === textAt(en, path) && /[éèàùçœ’]/.test(text)
    })
    expect(joined(frenchOnly)).toEqual([])
  })
})
