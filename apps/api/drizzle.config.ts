import { defineConfig } from 'drizzle-kit';

// Migrations are generated (`npm run db:generate -w @estate-ops/api`), committed, and applied at start.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/db/schema/index.ts',
	out: './drizzle',
	casing: 'snake_case',
});
