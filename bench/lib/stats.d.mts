// Types of bench/lib/stats.mjs for TypeScript callers (unit tests).
export declare function percentile(values: number[], p: number): number | null;
export declare function median(values: number[]): number | null;
export declare function round(value: number | null | undefined, digits?: number): number | null;
export declare function ratio(value: number | null | undefined, baseline: number | null | undefined): number | null;
export declare function attempt<T>(fn: () => Promise<T>): Promise<{ value: T; error?: undefined } | { value?: undefined; error: string }>;
export declare function combineRuns<F extends { value: number | null; baseline: number | null; failed?: string; reason?: string }>(
  runs: F[],
): F & {
  ratio: number | null;
  failed?: string;
  reason?: string;
  runs: number;
  values: number[];
  range?: [number, number];
  baselineRange?: [number, number];
};
