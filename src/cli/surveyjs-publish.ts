// `npm run surveyjs:publish`: writes static/surveyjs/voices-properties.js and voices.schema.json
// from the properties module and the app's lists (docs/surveyjs.md). Run it after changing either;
// a test fails while the files in static/ are not what it would write.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { publishedFiles } from './surveyjs-files';

for (const { path, text } of await publishedFiles()) {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
	console.log(`wrote ${path}`);
}
