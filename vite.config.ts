import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Database and browser tests start real servers: keep files apart but not too many at once
		// on a two-core machine.
		maxWorkers: 2,
		setupFiles: ['tests/helpers/key.ts'],
		reporters: process.env.CI ? ['verbose'] : ['default']
	}
});
