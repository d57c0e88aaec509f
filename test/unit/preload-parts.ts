// The UI's parts loaded on use (src/ui/lazy.ts) are loaded before each file's
// tests run, once the file's modules (which declare them) are imported: these
// tests are about what the parts do once shown. That they load on use, and
// by the extension's own addresses, is checked end to end in Chromium and
// firefox-esr (a form, a dialog and the notes open there as a user opens them).
import { beforeAll } from 'vitest';
import { preloadAll } from '../../src/ui/lazy';

beforeAll(() => preloadAll());
