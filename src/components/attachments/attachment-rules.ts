// What files a message may carry (contract §12): the page's `accept` list and
// `max-attachment-size`, and at most 15 files. A refused file gets its reason in the UI language.
import type {Catalogue} from '../../i18n/en.js';
import {t, plural} from '../../i18n/text.js';
import {formatFileSize} from '../../i18n/format-media.js';
import {accepts} from './accepts.js';

export {accepts} from './accepts.js';

/** At most this many files go with one message (Akece's limit). */
export const MAX_FILES = 15;

/** What the page allows. */
export interface AttachmentLimits {
  /** Largest file, in bytes. */
  readonly maxBytes: number;
  /** As a file input's `accept`: `.pdf`, `image/*`, `audio/webm`, comma-separated; empty: any. */
  readonly accept: string;
}

/** The files to keep and the reasons for the others, given `held` files already waiting. */
export function sortFiles(files: readonly File[], held: number, limits: AttachmentLimits, strings: Catalogue) {
  const kept: File[] = [];
  const refusals: string[] = [];
  let tooMany = false;
  for (const file of files) {
    const name = file.name;
    if (!accepts(limits.accept, file)) refusals.push(t(strings.file_type_refused, {name}));
    else if (file.size > limits.maxBytes) refusals.push(t(strings.file_too_large, {name, size: formatFileSize(limits.maxBytes, strings.lang)}));
    else if (held + kept.length >= MAX_FILES) tooMany = true;
    else kept.push(file);
  }
  if (tooMany) refusals.push(plural(strings.files_max, MAX_FILES, strings.lang));
  return {kept, refusals};
}
