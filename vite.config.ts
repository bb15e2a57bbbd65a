import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Database and browser tests start real servers: keep files apart but not too many at once
		// on a two-core machine. The limit holds across every project of a run.
		maxWorkers: 2,
		setupFiles: ['tests/helpers/key.ts'],
		reporters: process.env.CI ? ['verbose'] : ['default'],
		// Three tiers, each runnable alone (`vitest run --project unit`): `unit` needs nothing but
		// the source, `db` a freshly migrated PGlite (and PostgreSQL when TEST_DATABASE_URL is set),
		// `e2e` the built server (`npm run build`) and, for the browser tests, Chromium.
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/mutations/**/*.test.ts']
				}
			},
			{
				extends: true,
				test: { name: 'db', include: ['tests/db/**/*.test.ts', 'tests/disclosure/**/*.test.ts'] }
			},
			{ extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } }
		]
	}
});
