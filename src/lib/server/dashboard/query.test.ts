import { describe, expect, it } from 'vitest';
import { defaultPeriod, readQuery } from './query';
import { measureGroups } from './measures';
import { ragOf, shown, type Shown } from './shown';
import { type Scope } from '../access/dashboard';

const scope: Scope = {
	councilId: 'c1',
	councilName: 'Council',
	councils: [{ id: 'c1', name: 'Council' }],
	providers: [
		{ id: 'p1', name: 'One' },
		{ id: 'p2', name: 'Two' }
	],
	services: [
		{ id: 's1', name: 'One club', provider_id: 'p1' },
		{ id: 's2', name: 'Two club', provider_id: 'p2' }
	],
	ownProviderId: null,
	canSetTargets: true,
	frameworks: ['lancashire', 'dorset']
};
const read = (q: string, s: Scope = scope) => readQuery(new URLSearchParams(q), s, '2026-11-24');

describe('dashboard filters from the address', () => {
	it('defaults to the last financial quarter that has ended, everything included', () => {
		const { query, errors } = read('');
		expect(errors).toEqual([]);
		expect(query.period.key).toBe('2026-Q2');
		expect(defaultPeriod('2026-04-01').key).toBe('2025-Q4');
		expect(query.modes).toEqual(['alone', 'helped', 'proxy']);
		expect(query.sources).toHaveLength(4);
		expect(query.breakdown).toBe('none');
	});

	it('reads a provider, a service within it, a quarter and a breakdown', () => {
		const { query, errors } = read('provider=p2&service=s2&period=2025-Q3&breakdown=age_band');
		expect(errors).toEqual([]);
		expect(query).toMatchObject({ providerId: 'p2', serviceId: 's2', breakdown: 'age_band' });
		expect(query.period).toMatchObject({ start: '2025-10-01', end: '2025-12-31' });
	});

	it('names every value that is not on the lists and uses the default instead', () => {
		const { query, errors } = read(
			'provider=p9&service=s1x&period=2025-Q9&mode=maybe&breakdown=postcode&view=secret&quarters=40'
		);
		expect(errors.map((e) => e.field).sort()).toEqual([
			'breakdown',
			'mode',
			'period',
			'provider',
			'quarters',
			'service',
			'view'
		]);
		expect(query).toMatchObject({
			providerId: null,
			serviceId: null,
			breakdown: 'none',
			view: 'statements',
			quarters: 8
		});
		expect(query.period.key).toBe('2026-Q2');
	});

	it('refuses a service of another provider than the one chosen', () => {
		const { query, errors } = read('provider=p1&service=s2');
		expect(errors).toEqual([{ field: 'service', message: 'Choose a service from the list' }]);
		expect(query).toMatchObject({ providerId: 'p1', serviceId: null });
	});

	it('keeps a provider to its own services whatever the address says', () => {
		const own: Scope = { ...scope, ownProviderId: 'p1', providers: [scope.providers[0]!] };
		const { query, errors } = read('provider=p2&service=s2&breakdown=provider', own);
		expect(query.providerId).toBe('p1');
		expect(query.serviceId).toBeNull();
		expect(query.breakdown).toBe('none');
		expect(errors.map((e) => e.field).sort()).toEqual(['breakdown', 'service']);
	});

	it('asks for at least one way of answering when the form left them all out', () => {
		const { query, errors } = read('filtered=1&source=annual_review');
		expect(errors).toEqual([
			{ field: 'mode', message: 'Choose at least one way of answering from the list' }
		]);
		expect(query.sources).toEqual(['annual_review']);
		expect(read('filtered=1&mode=alone&mode=helped&source=family_review').query.modes).toEqual([
			'alone',
			'helped'
		]);
	});

	it('reads a range of whole months and refuses a backwards or overlong one', () => {
		expect(read('period=custom&from=2025-11&to=2026-02').query.period).toMatchObject({
			kind: 'range',
			start: '2025-11-01',
			end: '2026-02-28'
		});
		expect(read('period=custom&from=2026-02&to=2025-11').errors[0]?.field).toBe('to');
		expect(read('period=custom&from=2020-01&to=2025-11').errors[0]?.message).toMatch(/36 months/);
		expect(read('period=custom&from=2025-1&to=x').errors[0]?.field).toBe('from');
	});
});

describe('measures and status', () => {
	it('groups the four Lancashire statements, carer and service measures and Dorset outcomes', () => {
		const statements = measureGroups('statements');
		expect(statements.map((g) => g.outcome)).toEqual([
			'My voice is heard',
			'I have fun',
			'I have the help I need, and I feel safe',
			'I am included and active in my local community'
		]);
		expect(statements.flatMap((g) => g.measures)).toHaveLength(10);
		const service = measureGroups('service').flatMap((g) => g.measures.map((m) => m.id));
		expect(service).toContain('carer.satisfied');
		expect(service).toContain('package.outcomes');
		expect(service).not.toContain('safe.feel_safe');
		const dorset = measureGroups('dorset');
		expect(dorset).toHaveLength(10);
		expect(dorset[0]!.measures[0]).toMatchObject({ id: 'dorset.1', headline: true });
	});

	it('gives red, amber and green at the thresholds, and nothing for a hidden figure', () => {
		const f = (percent: number | null, suppressed = false): Shown => ({
			suppressed,
			symbol: suppressed ? 'c' : null,
			numerator: 1,
			denominator: 1,
			notCounted: 0,
			percent,
			ciLow: null,
			ciHigh: null
		});
		const t = { greenFrom: 80, amberFrom: 70 };
		expect(ragOf(f(80), t)).toBe('green');
		expect(ragOf(f(79.9), t)).toBe('amber');
		expect(ragOf(f(70), t)).toBe('amber');
		expect(ragOf(f(69.9), t)).toBe('red');
		expect(ragOf(f(90, true), t)).toBeNull();
		expect(ragOf(f(null), t)).toBeNull();
		expect(ragOf(f(90), null)).toBeNull();
	});

	it('marks a hidden figure c, one with no position taken z and a wide interval u', () => {
		const cell = (
			positive: number,
			negative: number,
			ci: [number, number] | null,
			suppressed = false
		) => ({
			measure_id: 'safe.feel_safe',
			entity: 'council' as const,
			provider_id: null,
			service_id: null,
			period: 'quarter' as const,
			period_start: '2026-04-01',
			value: null,
			positive,
			negative,
			not_counted: 0,
			excluded: 0,
			percent: positive + negative ? (100 * positive) / (positive + negative) : null,
			ci_low: ci?.[0] ?? null,
			ci_high: ci?.[1] ?? null,
			suppressed
		});
		expect(shown(cell(3, 2, [23.1, 88.2], true)).symbol).toBe('c');
		expect(shown(cell(3, 2, [23.1, 88.2], true)).numerator).toBeNull();
		expect(shown(cell(0, 0, null)).symbol).toBe('z');
		// Wilson interval of 6 of 10: 31.3–83.2, 51.9 points wide.
		expect(shown(cell(6, 4, [31.3, 83.2])).symbol).toBe('u');
		// 60 of 100: 50.2–69.1, 18.9 points wide.
		expect(shown(cell(60, 40, [50.2, 69.1])).symbol).toBeNull();
		expect(shown(cell(60, 40, [50.2, 69.1])).numerator).toBe(60);
	});
});
