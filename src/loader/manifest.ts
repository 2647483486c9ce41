// What the build pins for the files beside the script tag (scripts/bundle.mjs writes it into
// dist/akece-chat.js): for each file its Subresource Integrity hash and the files it imports
// statically, so that a loader can fetch a file and everything under it, each checked.

/** One file beside the script: its SRI hash (`sha384-…`) and the files it imports statically. */
export interface PinnedFile {
  integrity: string;
  imports: string[];
}

/** The files of one build, by name relative to the script's folder. */
export interface ChunkManifest {
  /** The ES module the script tag starts: it registers <akece-chat>. */
  entry: string;
  files: Record<string, PinnedFile>;
  /**
   * The pinned file that pins every file no early moment needs (`features.js`, exporting their
   * pins as its default): the on-demand features, and the index of the catalogues
   * (`locales/index.js`, which pins them in turn). A page needs few of them at
   * most, so their hashes come with the first one asked for instead of weighing on this script
   * at every page start.
   */
  featureIndex: string;
}
