import { sql } from 'kysely';
import type { DB } from '../../src/lib/server/db/connect';

// Reads the forms and links of a served page the way a browser would, for tests that post to
// every form they find rather than to a list that goes stale.

export interface FormField {
	name: string;
	/** Values the page itself offers (hidden values, options, radio and checkbox values). */
	values: string[];
}

export interface PageForm {
	/** The page the form was found on. */
	page: string;
	method: 'get' | 'post';
	/** Where it posts to: a path with its query, as the browser would resolve it. */
	action: string;
	fields: FormField[];
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
export const decodeEntities = (s: string) =>
	s.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
		if (e[0] === '#')
			return String.fromCodePoint(
				e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))
			);
		return Object.hasOwn(ENTITIES, e) ? ENTITIES[e]! : m;
	});

const attr = (attrs: string, name: string) => {
	const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(attrs);
	return m ? decodeEntities(m[1]!) : null;
};

/** Every form on the page, with its fields and the values the page offers for each. */
export function formsOf(page: string, html: string): PageForm[] {
	const out: PageForm[] = [];
	for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
		const [, attrs, body] = m as unknown as [string, string, string];
		const method: 'get' | 'post' = /method="post"/i.test(attrs) ? 'post' : 'get';
		const resolved = new URL(attr(attrs, 'action') ?? '', `http://page.test${page}`);
		const fields = new Map<string, FormField>();
		const add = (name: string | null, value: string | null) => {
			if (!name) return;
			const f = fields.get(name) ?? { name, values: [] };
			if (value !== null && !f.values.includes(value)) f.values.push(value);
			fields.set(name, f);
		};
		for (const s of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
			const name = attr(s[1]!, 'name');
			add(name, null);
			for (const o of s[2]!.matchAll(/<option\b([^>]*)>/gi)) add(name, attr(o[1]!, 'value'));
		}
		for (const i of body.matchAll(/<(input|textarea|button)\b([^>]*)>/gi)) {
			const type = attr(i[2]!, 'type') ?? '';
			if (i[1]!.toLowerCase() === 'button' && !attr(i[2]!, 'name')) continue;
			if (type === 'submit' && !attr(i[2]!, 'name')) continue;
			add(attr(i[2]!, 'name'), attr(i[2]!, 'value'));
		}
		const form = { page, method, action: resolved.pathname + resolved.search };
		out.push({ ...form, fields: [...fields.values()] });
		// A button may post the same fields elsewhere (Submit beside Save).
		for (const b of body.matchAll(/<button\b([^>]*)>/gi)) {
			const other = attr(b[1]!, 'formaction');
			if (!other) continue;
			const to = new URL(other, `http://page.test${page}`);
			out.push({ ...form, action: to.pathname + to.search, fields: [...fields.values()] });
		}
	}
	return out;
}

/** Same-site links on the page, as paths with their query. */
export function linksOf(html: string): string[] {
	return [...html.matchAll(/\shref="(\/[^"#]*)"/g)].map((m) => decodeEntities(m[1]!));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A path with ids replaced, so pages of one kind are visited a few times, not all. */
export const pathKind = (path: string) =>
	path
		.split('?')[0]!
		.replace(UUID, ':id')
		.replace(/\/(\d{4}-(\d{2}|Q[1-4])|FY\d{4})(?=\/|$)/g, '/:period');

/**
 * A fingerprint of every table: its row count and a hash of its rows. Two things change with
 * every page shown, whatever was posted, and are left out: the moment a staff session was last
 * seen, and the audit records of a page being viewed (a refused post shows its page again).
 */
export async function databaseSnapshot(db: DB): Promise<Record<string, string>> {
	const tables = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE'
		order by table_name`.execute(db);
	const out: Record<string, string> = {};
	for (const { name } of tables.rows) {
		const row = await sql<{ n: string | number; h: string }>`
			select count(*) as n, md5(coalesce(string_agg(r, '|' order by r), '')) as h
			from (select (to_jsonb(t) - 'last_seen_at')::text as r from ${sql.table(name)} t
				where ${name === 'audit_event' ? sql`t.action not like '%viewed%'` : sql`true`}) s`.execute(db);
		out[name] = `${Number(row.rows[0]!.n)} ${row.rows[0]!.h}`;
	}
	return out;
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>) {
	return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
		(t) => before[t] !== after[t]
	);
}
