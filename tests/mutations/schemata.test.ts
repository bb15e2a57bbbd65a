import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MUTATIONS } from './mutations';
import { applySchemata, checkList, StaleMutation, type Mutation } from './schemata';

const source = `export function canSee(user, child) {
	if (!child || child.provider_id !== user.providerId) notFound();
	return user.role === 'a' || user.role === 'b';
}
`;
const m = (over: Partial<Mutation>): Mutation => ({
	id: 'm',
	name: 'm',
	file: 'x.ts',
	find: '!child || child.provider_id !== user.providerId',
	replace: '!child',
	...over
});

describe('mutant schemata', () => {
	it('puts each mutant behind the switch and keeps the original when it is off', () => {
		const out = applySchemata('x.ts', source, [m({})]);
		expect(out).toContain(
			'if ((process.env.VOICES_MUTANT === "m" ? (!child) : (!child || child.provider_id !== user.providerId))) notFound();'
		);
		const off = out.replace('(process.env.VOICES_MUTANT === "m" ? (!child) : (', '');
		expect(off.replace(')))', ')')).toBe(source);
	});

	it('fails loudly, changing nothing, on text not found or found twice', () => {
		expect(() => applySchemata('x.ts', source, [m({ find: 'child.erased_at' })])).toThrow(
			/occurs 0 times/
		);
		expect(() =>
			applySchemata('x.ts', source, [m({ find: "user.role === 'a'".slice(0, 9) })])
		).toThrow(/occurs 2 times/);
	});

	it('finds text after an anchor, which must itself be unique', () => {
		const out = applySchemata('x.ts', source, [
			m({ after: "'a' || ", find: 'user.role', replace: "'b'" })
		]);
		expect(out).toContain(`|| (process.env.VOICES_MUTANT === "m" ? ('b') : (user.role)) === 'b'`);
	});

	it('refuses a piece of an expression, whose schema would change the original', () => {
		expect(() =>
			applySchemata('x.ts', source, [m({ find: "'a' || user.role", replace: 'true' })])
		).toThrow(/not one whole expression/);
	});

	it('refuses overlapping mutants and ids that cannot be switched on', () => {
		expect(() =>
			applySchemata('x.ts', source, [m({}), m({ id: 'n', find: '!child', replace: 'false' })])
		).toThrow(StaleMutation);
		expect(() => checkList([m({ id: 'Not ok' })])).toThrow(/ids are/);
		expect(() => checkList([m({}), m({})])).toThrow(/used twice/);
	});

	it('applies every mutation of the list to the source as it is', () => {
		checkList(MUTATIONS);
		for (const file of new Set(MUTATIONS.map((x) => x.file)))
			applySchemata(
				file,
				readFileSync(file, 'utf8'),
				MUTATIONS.filter((x) => x.file === file)
			);
	});
});
