// Types of size.mjs for its typed callers (test/unit/bench/size.test.ts).
export interface ContextSize {
  gzipBytes: number;
  files: number;
  budget?: number;
  withinBudget?: boolean;
}
export declare const BUDGETS: { content: number; worker: number };
/** content: the content script's first paint (budget); contentAll: with every chunk loaded on use */
export declare function measureSizes(dir?: string): Record<'worker' | 'popup' | 'sidepanel' | 'content' | 'contentAll', ContextSize>;
