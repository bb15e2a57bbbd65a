import { describe, expect, it } from 'vitest';
import { barLabel, chartDatasets, wrapLabel, type ChartSeries } from './chart-data';

const three: ChartSeries[] = [
	{ label: 'Riverside Short Breaks', series: 'selected', data: [70, 72] },
	{ label: 'Lancashire County Council', series: 'council', data: [74, 75] },
	{ label: 'All councils', series: 'all', data: [74, 75], notes: ['n 30 of 31 answers', null] }
];

describe('chartDatasets', () => {
	it('dashes every council’s line, marks it with triangles and draws it over the others', () => {
		const [selected, council, all] = chartDatasets('line', three);
		expect(all).toMatchObject({
			label: 'All councils',
			borderDash: [8, 4],
			pointStyle: 'triangle'
		});
		expect(council!.borderDash).toEqual([]);
		expect(selected!.borderDash).toEqual([]);
		// chart.js draws the lowest order last, that is on top.
		expect(all!.order).toBeLessThan(council!.order!);
		expect(all!.order).toBeLessThan(selected!.order!);
	});
	it('tells the series apart by more than colour', () => {
		const looks = chartDatasets('line', three).map((d) => `${d.pointStyle} ${d.borderDash}`);
		expect(new Set(looks).size).toBe(3);
	});
	it('keeps the notes out of what chart.js is given, and no line settings on bars', () => {
		const bars = chartDatasets('bar', three);
		expect(bars[2]).not.toHaveProperty('notes');
		expect(bars[2]).not.toHaveProperty('series');
		expect(bars[2]).not.toHaveProperty('borderDash');
		expect(bars[2]!.data).toEqual([74, 75]);
	});
});

describe('barLabel', () => {
	it('names the measure with its count, or c when the figure is hidden', () => {
		const name = 'children and young people who feel safe during their short break';
		expect(barLabel(name, { symbol: null, denominator: 31 })).toBe(`${name} (n 31)`);
		expect(barLabel(name, { symbol: 'c', denominator: null })).toBe(`${name} (c)`);
	});
});

describe('wrapLabel', () => {
	it('breaks at spaces into lines of about the width', () => {
		expect(wrapLabel('Q3 2024-25 (Oct–Dec 2024)', 16)).toEqual(['Q3 2024-25', '(Oct–Dec 2024)']);
		expect(wrapLabel('short', 16)).toEqual(['short']);
	});
	it('keeps a word longer than the width whole', () => {
		expect(wrapLabel('a verylongwordindeed b', 5)).toEqual(['a', 'verylongwordindeed', 'b']);
	});
});
