import { Model } from 'survey-core';
import { expect, it } from 'vitest';

// Why the properties are registered at all (surveys/README.md): survey-core does not ignore a
// property it does not know. It reports it, and leaves it out when it saves the survey.
it('reports an unknown property as an error and drops it on saving', () => {
	const model = new Model({
		pages: [{ name: 'p', elements: [{ type: 'text', name: 't', symbol: 'safe' }] }]
	});
	expect((model.jsonErrors ?? []).map((e) => e.message)).toEqual([
		"Unknown property in class 'text': 'symbol'."
	]);
	expect(model.toJSON()).toEqual({
		pages: [{ name: 'p', elements: [{ type: 'text', name: 't' }] }]
	});
});
