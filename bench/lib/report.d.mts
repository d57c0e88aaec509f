// Types of bench/lib/report.mjs for TypeScript callers (unit tests).
export interface Figure {
  label: string;
  unit?: string;
  value: number | null;
  baseline: number | null;
  baselineUnit?: string;
  baselineLabel?: string;
  ratio?: number | null;
  note?: string;
  reason?: string;
  failed?: string;
  /** min–max of the runs when the figure was taken several times (value is then their median) */
  range?: [number, number];
  baselineRange?: [number, number];
}

export interface Results {
  generatedAt: string;
  durationS: number | null;
  /** how many times each browser figure was taken (3 when absent) */
  browserRuns?: number;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    node: string;
    chromium: string | null;
    firefox?: string | null;
    prosody: string | null;
  };
  failures: string[];
  figures: Record<string, Figure>;
}

export declare function tableRows(figures: Record<string, Figure>): string[][];
export declare function textTable(figures: Record<string, Figure>): string;
export declare function markdown(results: Results): string;
