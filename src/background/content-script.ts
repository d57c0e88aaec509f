// The content script as the background registers it (instances.ts). It is
// the page code in src/content/index.ts, entered through this file only so
// that its chunk gets another name than the worker's: crxjs 3 with rolldown
// pointed the worker's loader at the content script when both entries were
// called index.ts.
import '../content/index.ts';
