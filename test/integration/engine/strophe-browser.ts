// strophe's browser build, which Vite bundles into the extension. Under vitest
// `strophe.js` resolves to strophe's Node build instead, which brings its own
// DOM and WebSocket globals and would hide whether ours work: test files mock
// `strophe.js` with this module.
// @ts-expect-error the dist file has no types of its own; they are those of 'strophe.js'
export * from '../../../node_modules/strophe.js/dist/strophe.esm.js';
