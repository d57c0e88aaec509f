/** Builds bench/ui-scroll's page and serves it on a free loopback port. */
export function serveBenchPage(): Promise<{ url: string; close: () => void }>;
