// Asking again for a chunk that failed, at a pace: a render that needs a chunk asks for it, and
// a failure re-renders the element, so asking again at every render was a request loop while
// the file was refused. Apart from LazyModule because that class is in the page-start script
// and this is needed only by the panel's later chunks.
import type {LazyModule} from './lazy-module.js';

/** When a render first saw each failure. */
const failuresSeen = new WeakMap<Error, number>();

/** `chunk.load()`; after a failure, asked again once `ms` have passed since a render first saw it. */
export function loadAgainAfter<T>(chunk: LazyModule<T>, ms: number): Promise<T> {
  const failure = chunk.error;
  if (!failure) return chunk.load();
  let seenAt = failuresSeen.get(failure);
  if (seenAt === undefined) failuresSeen.set(failure, (seenAt = Date.now()));
  return chunk.load({again: Date.now() - seenAt >= ms});
}
