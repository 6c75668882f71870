import { z } from 'zod'
import type { Role } from './common'

export const loginInput = z
  .object({
    username: z
      .string()
      .trim()
      .min(1, { error: 'validation.required' })
      .max(64, { error: 'validation.tooLong' }),
    password: z.string().min(1, { error: 'validation.required' }).max(256, { error: 'validation.tooLong' }),
  })
  .strict()

export const unlockInput = z
  .object({
    password: z.string().min(1, { error: 'validation.required' }).max(256, { error: 'validation.tooLong' }),
  })
  .strict()

export interface StaffInfo {
  id: string
  username: string
  displayName: string
  role: Role
}

export interface SessionInfo {
  staff: StaffInfo
  deskId: string
  deskName: string
  locked: boolean
  /** Minutes of inactivity after which the screen locks (0 = never). */
  lockAfterMinutes: number
}

export interface AppInfo {
  version: string
  deskId: string
  deskName: string
  /** 'electron' in the desktop app, 'browser' through the browser host. */
  host: 'electron' | 'browser'
  dataDir: string
}

export const staffCreateInput = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{2,32}$/, { error: 'validation.username' }),
    displayName: z
      .string()
      .trim()
      .min(1, { error: 'validation.required' })
      .max(100, { error: 'validation.tooLong' }),
    role: z.enum(['counter', 'agent', 'supervisor', 'admin'], { error: 'validation.required' }),
    password: z
      .string()
      .min(8, { error: 'validation.passwordTooShort' })
      .max(256, { error: 'validation.tooLong' }),
  })
  .strict()

export const settingsUpdateInput = z
  .object({
    lockAfterMinutes: z.number().int().min(0).max(240).optional(),
    deskName: z.string().trim().min(1).max(100).optional(),
  })
  .strict()

export interface DeskSettings {
  deskId: string
  deskName: string
  lockAfterMinutes: number
}
