import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/server/invitations/service';
import CardSheet from './CardSheet.svelte';

const card = (language: string): Card => ({
	name: null,
	respondent: 'child',
	language,
	surveyTitle: 'My short break',
	code: 'ACDE3467',
	link: 'https://voices.example/i/x',
	qrSvg: '<svg></svg>',
	expires: '2026-12-01'
});

describe('invitation cards', () => {
	it('write the date they can be used by as the card’s language writes it', () => {
		const { body } = render(CardSheet, {
			props: { cards: ['en', 'pl', 'ur'].map(card), symbol: '', site: 'voices.example' }
		});
		expect(body).toContain('Use by 1 December 2026');
		expect(body).toContain('Ważne do 1 grudnia 2026');
		expect(body).toContain('1 دسمبر، 2026 تک استعمال کریں');
		expect(body).not.toContain('2026-12-01');
	});
});
