import { sql, type RawBuilder } from 'kysely';

/**
 * The 95% Wilson score interval for k positives out of n (Newcombe 1998, method 3, without
 * continuity correction), as SQL expressions giving proportions, null when n is 0. Written out
 * inline rather than as a SQL function: PostgreSQL cannot inline a function whose arguments are
 * sums, and calling one for every figure of the full dashboard doubled its cost.
 */
const Z = 1.959963984540054;

function bound(k: RawBuilder<unknown>, n: RawBuilder<unknown>, sign: '+' | '-') {
	const z = sql.raw(String(Z));
	const p = sql`((${k})::float8 / nullif(${n}, 0))`;
	const nf = sql`(nullif(${n}, 0))::float8`;
	const centre = sql`(${p} + ${z} * ${z} / (2 * ${nf}))`;
	const spread = sql`(${z} * sqrt(${p} * (1 - ${p}) / ${nf} + ${z} * ${z} / (4 * ${nf} * ${nf})))`;
	const value = sql`(${centre} ${sql.raw(sign)} ${spread}) / (1 + ${z} * ${z} / ${nf})`;
	// greatest() and least() skip nulls, so n = 0 is tested first.
	const clamped = sign === '-' ? sql`greatest(0, ${value})` : sql`least(1, ${value})`;
	return sql`case when (${n}) > 0 then ${clamped} end`;
}

export const wilsonLow = (k: RawBuilder<unknown>, n: RawBuilder<unknown>) => bound(k, n, '-');
export const wilsonHigh = (k: RawBuilder<unknown>, n: RawBuilder<unknown>) => bound(k, n, '+');
