import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const LIB = resolve(import.meta.dirname, 'src/lib');
const COMPONENTS = join(LIB, 'components');
// The migrations sit beside src, frozen; the migrator under src/lib/server/db runs them.
const MIGRATIONS = resolve(import.meta.dirname, 'migrations');
const within = (folder, path) => {
	const rest = relative(folder, path);
	return rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
};

/**
 * Routes, hooks and components reach src/lib through `$lib/...`, so a file can move without its
 * imports breaking and a reader sees at once what comes from the library; code under src/lib never
 * reaches out of it with a relative path, save to the migrations (the CLI runs src/lib/server with
 * tsx, which knows no `$lib`, so server code keeps its relative imports inside src/lib).
 */
const libBoundary = {
	meta: {
		type: 'problem',
		schema: [],
		messages: {
			useLib: "Import src/lib as '$lib/{{path}}', not by the relative path '{{source}}'.",
			leavesLib: "'{{source}}' leaves src/lib: code under src/lib imports only within it."
		}
	},
	create(context) {
		const file = context.filename;
		const check = (node) => {
			const source = node.source?.value;
			if (typeof source !== 'string' || !/^\.\.?\//.test(source)) return;
			const target = resolve(dirname(file), source);
			const path = relative(LIB, target);
			if (within(LIB, file)) {
				if (!within(LIB, target) && !within(MIGRATIONS, target))
					context.report({ node: node.source, messageId: 'leavesLib', data: { source } });
				else if (within(COMPONENTS, file) && !within(COMPONENTS, target))
					context.report({ node: node.source, messageId: 'useLib', data: { source, path } });
			} else if (within(LIB, target))
				context.report({ node: node.source, messageId: 'useLib', data: { source, path } });
		};
		return {
			ImportDeclaration: check,
			ExportNamedDeclaration: check,
			ExportAllDeclaration: check,
			ImportExpression: check
		};
	}
};

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'data/', 'node_modules/', '.mutants/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['**/*.ts'],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte'],
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			// A `default` does not stand in for a member of a union: a word added to a vocabulary
			// list is then reported in every switch over it that does not name it. A switch over a
			// plain string or number needs no `default`.
			'@typescript-eslint/switch-exhaustiveness-check': [
				'error',
				{ considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }
			]
		}
	},
	{
		// Tests, benchmarks and the CLI run with vitest or tsx and import src/lib by relative paths.
		files: ['src/**/*.ts', 'src/**/*.js', 'src/**/*.svelte'],
		ignores: ['src/**/*.test.ts', 'src/cli/**'],
		plugins: { voices: { rules: { 'lib-boundary': libBoundary } } },
		rules: { 'voices/lib-boundary': 'error' }
	},
	{
		// Staff pages link with plain paths that carry ids and queries; the app is served at the
		// root (no `paths.base`), and these pages are rendered on the server without the client router.
		files: [
			'src/routes/(staff)/**/*.svelte',
			'src/lib/components/staff/*.svelte',
			'src/lib/components/dashboard/*.svelte'
		],
		rules: { 'svelte/no-navigation-without-resolve': 'off' }
	}
);
