// `npm start` and `npm run serve` run the built server through here so that a first run needs no
// settings: the
// public address defaults to http://localhost:PORT (adapter-node would otherwise assume https,
// and form posts from the browser would then be refused as cross-site).
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.ORIGIN ??= `http://localhost:${port}`;
// `npm start` (a newcomer trying the product) asks for the demo data with --demo; `npm run serve`
// and `node build` never add it unless DEMO_DATA=on is set.
if (process.argv.includes('--demo')) process.env.DEMO_DATA ??= 'on';

// A computed path keeps the type checker out of the built bundle.
const entry = new URL('../../build/index.js', import.meta.url).href;
await import(entry);
