/** Bundles web/ into dist/web (or outDir) and returns the folder. */
export function buildWeb(options?: { outDir?: string }): Promise<string>;
