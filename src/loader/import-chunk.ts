// The one way chunks of the script-tag build import one another. rollup.config.mjs rewrites every
// dynamic import() in src/ into a call of importChunk() with the chunk's absolute URL, so that
// the script tag's loader (src/loader/chunk-loader.ts), which knows each file's pinned hash,
// does the loading. The npm modules (dist/lib) keep their plain import() and never use this.

/** Loads a chunk by absolute URL. */
export type ChunkImporter = (url: string) => Promise<unknown>;

let provideImporter: (importer: ChunkImporter) => void;
const importer = new Promise<ChunkImporter>((resolve) => (provideImporter = resolve));

/**
 * Called once by the script tag, with its loader, right after it imported the entry. Imports
 * asked for before then (an element upgraded while the entry ran) wait for it.
 */
export function useChunkImporter(next: ChunkImporter): void {
  provideImporter(next);
}

/** Imports the chunk at `url` through the script tag's loader. */
export async function importChunk(url: string): Promise<unknown> {
  return (await importer)(url);
}
