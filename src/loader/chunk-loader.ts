// Imports the widget's ES-module chunks with their integrity checked. A module's static imports
// are fetched by the browser, which takes no integrity for them; so before importing a chunk the
// loader adds `<link rel=modulepreload integrity=…>` for it and for every file under it, leaves
// first, and waits for all of them. The browser's module map then holds only checked responses,
// and the import() that follows uses them: a file that differs from its pinned hash is refused
// and the import fails. (Import maps can carry integrity too, but an inline import map is an
// inline script, which a strict CSP forbids.)
import type {ChunkManifest, PinnedFile} from './manifest.js';

/** A chunk that could not be loaded: its response did not match its pinned hash, or it could not be fetched. */
export class ChunkRefusedError extends Error {
  /** For the `akece-error` event. */
  readonly code = 'module-refused';

  constructor(readonly file: string) {
    super(`${file} was refused: not the file akece-chat.js pins, or unreachable`);
    this.name = 'ChunkRefusedError';
  }
}

export class ChunkLoader {
  /** Preloads started, by file name; a failed one is dropped so that a later attempt tries again. */
  readonly #preloads = new Map<string, Promise<void>>();
  /** Every pinned file known so far: the manifest's, then those of each index once it is in. */
  readonly #files: Record<string, PinnedFile>;
  /** Indexes imported or on their way, by file name. */
  readonly #indexes = new Map<string, Promise<void>>();

  /**
   * @param folder absolute URL of the script's folder, ending in `/`
   * @param manifest what the build pinned
   */
  constructor(
    readonly folder: string,
    readonly manifest: ChunkManifest
  ) {
    this.#files = {...manifest.files};
  }

  /** The entry module, checked. */
  importEntry(): Promise<unknown> {
    return this.import(this.folder + this.manifest.entry);
  }

  /** Imports the chunk at `url` (absolute, in the script's folder) once it and every file under it passed its check. */
  async import(url: string): Promise<unknown> {
    const file = url.startsWith(this.folder) ? url.slice(this.folder.length) : url;
    // Not pinned by the script: look in the feature index, then in the index of the file's folder
    // (the catalogues have one), each pinned by the one before.
    for (const index of [this.manifest.featureIndex, file.replace(/[^/]*$/, 'index.js')]) {
      if (!this.#files[file] && this.#files[index]) await this.#loadIndex(index);
    }
    if (!this.#files[file]) throw new ChunkRefusedError(file);
    await Promise.all(this.#leavesFirst(file).map((name) => this.#preload(name)));
    return import(/* @vite-ignore */ this.folder + file);
  }

  /** Imports an index (itself pinned) once, and adds the files it pins. */
  #loadIndex(index: string): Promise<void> {
    const loaded =
      this.#indexes.get(index) ??
      this.import(this.folder + index).then(
        (module) => void Object.assign(this.#files, (module as {default: Record<string, PinnedFile>}).default),
        (error: unknown) => {
          this.#indexes.delete(index); // refused or unreachable: the next file asked for tries again
          throw error;
        }
      );
    this.#indexes.set(index, loaded);
    return loaded;
  }

  /** `file` and everything it imports statically, each once, every file after the files it imports. */
  #leavesFirst(file: string, seen = new Set<string>()): string[] {
    if (seen.has(file)) return [];
    seen.add(file);
    const below = (this.#files[file]?.imports ?? []).flatMap((name) => this.#leavesFirst(name, seen));
    return [...below, file];
  }

  #preload(file: string): Promise<void> {
    let preloaded = this.#preloads.get(file);
    if (!preloaded) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = 'anonymous';
      link.integrity = this.#files[file].integrity;
      link.href = this.folder + file;
      preloaded = new Promise<void>((resolve, reject) => {
        link.onload = () => resolve();
        link.onerror = () => {
          this.#preloads.delete(file);
          reject(new ChunkRefusedError(file));
        };
      }).finally(() => link.remove());
      this.#preloads.set(file, preloaded);
      document.head.append(link);
    }
    return preloaded;
  }
}
