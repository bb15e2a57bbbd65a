import type { Child } from '../db/schema';
import { MONTHS } from '../../calendar/periods';

/** What names a child in a text: how staff write them down. */
export type Identity = Pick<Child, 'reference' | 'display_name' | 'date_of_birth'>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The date of birth as it may be typed: ISO, UK with slashes, dashes or dots, and in words. */
function birthForms(iso: string): string[] {
	const [y, m, d] = iso.split('-');
	if (!y || !m || !d) return [iso];
	const forms = [iso];
	for (const [day, month] of [
		[d, m],
		[String(Number(d)), String(Number(m))]
	] as const)
		for (const sep of ['/', '-', '.']) forms.push([day, month, y].join(sep));
	forms.push(`${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`);
	return forms;
}

/**
 * A test of whether a text mentions a child: their reference or name as recorded, any word of the
 * name of three letters or more (staff often write a first name alone), or their date of birth;
 * whole words only, in any case. It errs towards finding a mention: at erasure a text wrongly
 * taken for one is removed, while a mention missed would leave the child identifiable.
 */
export function mentionsOf(child: Identity): (text: string) => boolean {
	const terms = new Set<string>();
	const add = (term: string, shortest: number) => {
		const t = term.trim();
		if (t.length >= shortest) terms.add(escape(t));
	};
	add(child.reference, 2);
	add(child.display_name, 2);
	for (const word of child.display_name.split(/\s+/)) add(word, 3);
	if (child.date_of_birth) for (const form of birthForms(child.date_of_birth)) add(form, 8);
	if (!terms.size) return () => false;
	const pattern = new RegExp(
		`(?<![\\p{L}\\p{N}])(?:${[...terms].join('|')})(?![\\p{L}\\p{N}])`,
		'iu'
	);
	return (text) => pattern.test(text);
}
