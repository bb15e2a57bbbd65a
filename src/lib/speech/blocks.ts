import { spokenText } from './key';

// Survey HTML (information pages, the closing message) is read a paragraph at a time, with a
// pause between, rather than as one run of text ("Hello.These questions are…"). The definition
// check allows only plain markup, so a scan of its tags finds the paragraphs without a parser.

const BLOCKS = new Set(
	'address article aside blockquote dd div dl dt figure footer h1 h2 h3 h4 h5 h6 header li ol p pre section table ul'.split(
		' '
	)
);
const VOID = new Set('area br col embed hr img input source track wbr'.split(' '));
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g;

/** The top-level paragraphs of `html` (headings, lists and text between them too), in order. */
export function htmlBlocks(html: string): string[] {
	const out: string[] = [];
	const push = (piece: string) => {
		if (htmlText(piece)) out.push(piece.trim());
	};
	let depth = 0;
	let cut = 0;
	let blockAtTop = false;
	for (const m of html.matchAll(TAG)) {
		const [tag, closing, name, selfClosing] = m;
		const lower = name!.toLowerCase();
		if (VOID.has(lower) || selfClosing) continue;
		if (!closing) {
			if (depth === 0 && BLOCKS.has(lower)) {
				push(html.slice(cut, m.index));
				cut = m.index;
				blockAtTop = true;
			}
			depth++;
		} else if (depth > 0) {
			depth--;
			if (depth === 0 && blockAtTop) {
				const end = m.index + tag.length;
				push(html.slice(cut, end));
				cut = end;
				blockAtTop = false;
			}
		}
	}
	push(html.slice(cut));
	return out;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

/**
 * The words of a piece of HTML: its text with entities decoded, a space where a paragraph or a
 * line break ends (so list items do not run together), white space collapsed.
 */
export function htmlText(html: string): string {
	const text = html
		.replace(TAG, (_tag, _closing, name: string) => {
			const lower = name.toLowerCase();
			return BLOCKS.has(lower) || lower === 'br' ? ' ' : '';
		})
		.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name: string) => {
			if (name[0] === '#') {
				const code =
					name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
				return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
			}
			return ENTITIES[name.toLowerCase()] ?? all;
		});
	return spokenText(text);
}
