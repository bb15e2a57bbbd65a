import { describe, expect, it } from 'vitest';
import { htmlBlocks, htmlText } from './blocks';

describe('survey HTML read a paragraph at a time', () => {
	it('splits top-level paragraphs and headings, keeping each whole', () => {
		expect(
			htmlBlocks('<h2>About you</h2><p>Hello.</p>\n<p>These <b>questions</b> are short.</p>')
		).toEqual(['<h2>About you</h2>', '<p>Hello.</p>', '<p>These <b>questions</b> are short.</p>']);
	});

	it('keeps a list as one piece and text outside any paragraph as its own', () => {
		expect(htmlBlocks('Before<ul><li>One</li><li>Two</li></ul>after<br>all')).toEqual([
			'Before',
			'<ul><li>One</li><li>Two</li></ul>',
			'after<br>all'
		]);
	});

	it('leaves out empty paragraphs and survives markup that never closes', () => {
		expect(htmlBlocks('<p> </p><p>Yes</p><p>No')).toEqual(['<p>Yes</p>', '<p>No']);
		expect(htmlBlocks('')).toEqual([]);
	});

	it('reads the words, with entities decoded and no two items run together', () => {
		expect(htmlText('<p>Fish &amp; chips&nbsp;&#8212; &#x1F600; &bogus;</p>')).toBe(
			'Fish & chips — 😀 &bogus;'
		);
		expect(htmlText('<ul><li>One</li><li>Two</li></ul>')).toBe('One Two');
		expect(htmlText('<p>Line<br>break, <b>bold</b>ly</p>')).toBe('Line break, boldly');
	});
});
