// Types of demo/browser.mjs for TypeScript callers (end-to-end tests).
import type { BrowserContext, Worker } from 'playwright-core';

export declare const CHROMIUM: string;
export declare function chromiumArgs(extensionDir: string): string[];
export declare function launchChromium(options: {
  extensionDir: string;
  profileDir: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
}): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }>;
export declare function enableInstance(context: BrowserContext, extensionId: string, origin: string): Promise<void>;
