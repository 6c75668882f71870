import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './hub/db/schema.ts',
  out: './hub/db/migrations',
})
