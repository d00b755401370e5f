import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the TypeScript schema (`npm run db:generate`), one per change,
// and never edited after landing. They run at start-up and via `qalqan db migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './drizzle',
});
