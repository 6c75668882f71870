import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { customerInput, customerListInput, loginInput } from '../../preload/contract'
import { toFieldIssues } from '../../preload/contract/fieldIssues'
import { personInput } from '../helpers/customers'

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) throw new Error('expected a validation failure')
  return toFieldIssues(result.error)
}

describe('toFieldIssues: zod codes become i18n keys', () => {
  const schema = z
    .object({
      name: z.string().max(3),
      age: z.number().int().min(18).max(120),
      role: z.enum(['a', 'b']),
      code: z.string().regex(/^[A-Z]+$/),
      email: z.string().refine((v) => v.includes('@'), { error: 'validation.email' }),
      tags: z.array(z.object({ label: z.string().min(2) }).strict()).optional(),
      either: z.union([z.string(), z.number()]).optional(),
      custom: z
        .string()
        .refine(() => false, { error: 'not an i18n key' })
        .optional(),
    })
    .strict()
  const valid = { name: 'abc', age: 30, role: 'a', code: 'AB', email: 'a@b' }

  it.each([
    ['missing field', { ...valid, name: undefined }, [{ path: 'name', key: 'validation.required' }]],
    [
      'wrong type',
      { ...valid, age: '30' },
      [{ path: 'age', key: 'validation.invalidType', params: { expected: 'number' } }],
    ],
    [
      'too long',
      { ...valid, name: 'abcd' },
      [{ path: 'name', key: 'validation.tooBig', params: { maximum: 3 } }],
    ],
    [
      'too small',
      { ...valid, age: 17 },
      [{ path: 'age', key: 'validation.tooSmall', params: { minimum: 18 } }],
    ],
    [
      'too big',
      { ...valid, age: 121 },
      [{ path: 'age', key: 'validation.tooBig', params: { maximum: 120 } }],
    ],
    ['not in the enum', { ...valid, role: 'c' }, [{ path: 'role', key: 'validation.invalidValue' }]],
    ['bad format', { ...valid, code: 'ab' }, [{ path: 'code', key: 'validation.invalidFormat' }]],
    ['key carried in the message', { ...valid, email: 'nope' }, [{ path: 'email', key: 'validation.email' }]],
    [
      'unknown field',
      { ...valid, admin: true, root: 1 },
      [{ path: '', key: 'validation.unknownField', params: { keys: 'admin, root' } }],
    ],
    [
      'nested path with an array index',
      { ...valid, tags: [{ label: 'ok' }, { label: 'x' }] },
      [{ path: 'tags.1.label', key: 'validation.tooSmall', params: { minimum: 2 } }],
    ],
    [
      'unknown field in a nested object',
      { ...valid, tags: [{ label: 'ok', colour: 'red' }] },
      [{ path: 'tags.0', key: 'validation.unknownField', params: { keys: 'colour' } }],
    ],
    ['any other code', { ...valid, either: true }, [{ path: 'either', key: 'validation.invalid' }]],
    [
      'a refine message that is not a key',
      { ...valid, custom: 'x' },
      [{ path: 'custom', key: 'validation.invalid' }],
    ],
  ])('%s', (_name, input, want) => {
    expect(issuesOf(schema, input)).toEqual(want)
  })

  it('reports every failing field at once', () => {
    const issues = issuesOf(schema, { name: 'abcdef', age: 'x', role: 'a', code: 'AB' })
    expect(issues.map((i) => i.path).sort()).toEqual(['age', 'email', 'name'])
  })

  it('gives every issue a validation.* key', () => {
    const issues = issuesOf(schema, { tags: 'x', either: null, custom: 3, extra: 1 })
    expect(issues.length).toBeGreaterThan(5)
    for (const issue of issues) expect(issue.key).toMatch(/^validation\.[A-Za-z]+$/)
  })
})

describe('toFieldIssues on the contract schemas', () => {
  it('a person without last name, a bad email and a bad phone', () => {
    const issues = issuesOf(
      customerInput,
      personInput({ lastName: '', email: 'jean@', phones: [{ type: 'mobile', number: '06 12' }] }),
    )
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'lastName', key: 'validation.required' },
        { path: 'email', key: 'validation.email' },
        { path: 'phones.0.number', key: 'validation.phone' },
      ]),
    )
  })

  it('a list limit of the wrong type', () => {
    expect(issuesOf(customerListInput, { limit: 'ten' })).toEqual([
      { path: 'limit', key: 'validation.invalidType', params: { expected: 'number' } },
    ])
  })

  it('an over-long username keeps its own key', () => {
    expect(issuesOf(loginInput, { username: 'u'.repeat(65), password: 'x' })).toEqual([
      { path: 'username', key: 'validation.tooLong' },
    ])
  })
})
