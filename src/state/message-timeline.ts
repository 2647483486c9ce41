// The conversation's messages in display order, as a persistent B-tree: adding, replacing or
// removing a message copies only the nodes on the path to it (O(log n) nodes of at most 32
// entries), and every other node is shared with the previous version. So each state holds its
// own immutable timeline, old states stay valid for whoever still reads them, and a merge never
// copies or sorts the whole list.
//
// Each node keeps a small summary of its subtree (size, messages from the other side, newest of
// them, highest server id), which answers the unread count, the newest message seen and the
// backfill's "highest id held" in O(log n) without a pass over the list.
//
// Lookups by server id, key and echo id use maps kept beside the tree. The maps are shared between
// versions and updated in place by the newest version only; a version that is no longer the
// newest (a caller reducing from an old state) rebuilds them from its tree before it changes.
// Along the store's linear history that never happens.

import type {Message, MessageSequence} from './model.js';
import {countsAsUnread, isFromOthers} from './unread.js';

/** A message with its place among equals: the order in which it first joined the timeline. */
interface Entry {
  readonly message: Message;
  readonly arrival: number;
}

/** Nodes split above this many entries or children. */
const MAX_NODE_SIZE = 32;

/** The visitor's messages the server has not numbered yet (pending, failed) go last. */
const isUnnumberedVisitor = (message: Message) => message.id == null && message.role == 'visitor';

/** Display order: unnumbered visitor messages last; then by createdAt, then server id; equals
 * in the order they arrived (a replaced message keeps its place among them). */
function compareEntries(a: Entry, b: Entry): number {
  const first = a.message;
  const second = b.message;
  return (
    Number(isUnnumberedVisitor(first)) - Number(isUnnumberedVisitor(second)) ||
    first.createdAt - second.createdAt ||
    (first.id ?? 0) - (second.id ?? 0) ||
    a.arrival - b.arrival
  );
}

/** What a node knows about its subtree. */
class Summary {
  size = 0;
  /** Messages from the other side that are not deleted. */
  unreadCandidates = 0;
  /** The createdAt of the newest message from the other side (0: none). */
  newestFromOthers = 0;
  /** The highest server id (0: none). */
  highestId = 0;

  addMessage(message: Message): void {
    this.size++;
    if (countsAsUnread(message)) this.unreadCandidates++;
    if (isFromOthers(message)) this.newestFromOthers = Math.max(this.newestFromOthers, message.createdAt);
    if (message.id != null) this.highestId = Math.max(this.highestId, message.id);
  }

  addSummary(other: Summary): void {
    this.size += other.size;
    this.unreadCandidates += other.unreadCandidates;
    this.newestFromOthers = Math.max(this.newestFromOthers, other.newestFromOthers);
    this.highestId = Math.max(this.highestId, other.highestId);
  }
}

class Leaf {
  readonly summary = new Summary();

  constructor(readonly entries: readonly Entry[]) {
    for (const entry of entries) this.summary.addMessage(entry.message);
  }

  /** The last entry in order: where a search decides whether to go into this node. */
  get last(): Entry {
    return this.entries[this.entries.length - 1];
  }
}

class Branch {
  readonly summary = new Summary();

  constructor(readonly children: readonly TreeNode[]) {
    for (const child of children) this.summary.addSummary(child.summary);
  }

  get last(): Entry {
    return this.children[this.children.length - 1].last;
  }
}

type TreeNode = Leaf | Branch;

/** The first position whose item is not before `entry` (items.length when all are). */
function lowerBound<T>(items: readonly T[], entry: Entry, entryOf: (item: T) => Entry): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareEntries(entryOf(items[middle]), entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

const lastOf = (node: TreeNode) => node.last;
const itself = (entry: Entry) => entry;

/** The child whose range holds `entry` (the last child for anything after them all). */
const childFor = (branch: Branch, entry: Entry) => Math.min(lowerBound(branch.children, entry, lastOf), branch.children.length - 1);

/** Splits an over-full list of items into two halves. */
function halves<T>(items: T[]): [T[], T[]] {
  const middle = items.length >> 1;
  return [items.slice(0, middle), items.slice(middle)];
}

/** The node with `entry` inserted: one node, or two when it had to split. */
function insertInto(node: TreeNode, entry: Entry): TreeNode[] {
  if (node instanceof Leaf) {
    const entries = node.entries.slice();
    entries.splice(lowerBound(entries, entry, itself), 0, entry);
    return entries.length > MAX_NODE_SIZE ? halves(entries).map((half) => new Leaf(half)) : [new Leaf(entries)];
  }
  const index = childFor(node, entry);
  const children = node.children.slice();
  children.splice(index, 1, ...insertInto(node.children[index], entry));
  return children.length > MAX_NODE_SIZE ? halves(children).map((half) => new Branch(half)) : [new Branch(children)];
}

/** The node without `entry` (itself when it does not hold it; null when it becomes empty).
 * Nodes are not rebalanced: removals are rare (a duplicate collapsing), so a node may stay
 * under-full, which costs nothing but a little depth. */
function removeFrom(node: TreeNode, entry: Entry): TreeNode | null {
  if (node instanceof Leaf) {
    const index = lowerBound(node.entries, entry, itself);
    if (node.entries[index] !== entry) return node;
    const entries = node.entries.slice();
    entries.splice(index, 1);
    return entries.length ? new Leaf(entries) : null;
  }
  const index = childFor(node, entry);
  const child = removeFrom(node.children[index], entry);
  if (child === node.children[index]) return node;
  const children = node.children.slice();
  if (child) children[index] = child;
  else children.splice(index, 1);
  return children.length ? new Branch(children) : null;
}

/** The entries of `node` from position `start`, in order. */
function* entriesFrom(node: TreeNode, start: number): Generator<Entry> {
  if (node instanceof Leaf) {
    for (let index = start; index < node.entries.length; index++) yield node.entries[index];
    return;
  }
  let skip = start;
  for (const child of node.children) {
    if (skip >= child.summary.size) {
      skip -= child.summary.size;
      continue;
    }
    yield* entriesFrom(child, skip);
    skip = 0;
  }
}

/** How many unread candidates come before the first message newer than `time`. */
function unreadCandidatesUpTo(node: TreeNode, time: number): number {
  const notNewer = (entry: Entry) => !isUnnumberedVisitor(entry.message) && entry.message.createdAt <= time;
  if (node instanceof Leaf) {
    let count = 0;
    for (const entry of node.entries) {
      if (!notNewer(entry)) break;
      if (countsAsUnread(entry.message)) count++;
    }
    return count;
  }
  let count = 0;
  for (const child of node.children) {
    // Within the numbered messages the order is by createdAt: a whole child up to `time` counts.
    if (!notNewer(child.last)) return count + unreadCandidatesUpTo(child, time);
    count += child.summary.unreadCandidates;
  }
  return count;
}

/** Lookups by server id, key and echo id, for the newest version of a timeline. */
class TimelineIndex {
  readonly byId = new Map<number, Entry>();
  readonly byKey = new Map<string, Entry>();
  readonly byEchoId = new Map<string, Set<Entry>>();

  constructor(public owner: MessageTimeline | null) {}

  add(entry: Entry): void {
    const {id, key, echoId} = entry.message;
    if (id != null) this.byId.set(id, entry);
    this.byKey.set(key, entry);
    if (echoId) {
      const entries = this.byEchoId.get(echoId) ?? new Set();
      this.byEchoId.set(echoId, entries.add(entry));
    }
  }

  remove(entry: Entry): void {
    const {id, key, echoId} = entry.message;
    if (id != null && this.byId.get(id) === entry) this.byId.delete(id);
    if (this.byKey.get(key) === entry) this.byKey.delete(key);
    const withEcho = echoId ? this.byEchoId.get(echoId) : undefined;
    withEcho?.delete(entry);
    if (echoId && withEcho?.size === 0) this.byEchoId.delete(echoId);
  }
}

/** Where a message sits in a timeline; handed back to `replace()`. */
export type TimelinePlace = Entry;

/**
 * An immutable, ordered list of one conversation's messages (see the file's header). Readers
 * use it as a {@link MessageSequence}; the reducer derives new versions with `add` and `replace`.
 */
export class MessageTimeline implements MessageSequence {
  /** The empty timeline, shared by every state that holds no message. */
  static readonly empty = new MessageTimeline(null, new TimelineIndex(null), 0);

  private constructor(
    private readonly root: TreeNode | null,
    /** Replaced (never changed for readers) when this version has to rebuild it. */
    private index: TimelineIndex,
    /** The arrival number the next new message gets. */
    private readonly nextArrival: number
  ) {}

  /** A timeline of `messages`, in display order whatever their order here. */
  static of(messages: Iterable<Message>): MessageTimeline {
    let timeline = MessageTimeline.empty;
    for (const message of messages) timeline = timeline.add(message);
    return timeline;
  }

  get length(): number {
    return this.root?.summary.size ?? 0;
  }

  /** The message at `position` (negative: from the end), as Array.prototype.at. */
  at(position: number): Message | undefined {
    const whole = Math.trunc(position) || 0;
    const index = whole < 0 ? this.length + whole : whole;
    if (!this.root || index < 0 || index >= this.length) return undefined;
    let node: TreeNode = this.root;
    let rest = index;
    while (node instanceof Branch) {
      let child = 0;
      while (rest >= node.children[child].summary.size) rest -= node.children[child++].summary.size;
      node = node.children[child];
    }
    return node.entries[rest].message;
  }

  /** The messages from `start` to before `end` (negative: from the end), as Array.prototype.slice. */
  slice(start = 0, end = this.length): Message[] {
    const from = this.clamp(start);
    const to = this.clamp(end);
    const messages: Message[] = [];
    if (!this.root || from >= to) return messages;
    for (const entry of entriesFrom(this.root, from)) {
      if (messages.length >= to - from) break;
      messages.push(entry.message);
    }
    return messages;
  }

  *[Symbol.iterator](): Iterator<Message> {
    if (this.root) for (const entry of entriesFrom(this.root, 0)) yield entry.message;
  }

  /** Non-deleted messages from the other side newer than `time` (unix ms). */
  countUnreadAfter(time: number): number {
    if (!this.root) return 0;
    return this.root.summary.unreadCandidates - unreadCandidatesUpTo(this.root, time);
  }

  /** The createdAt of the newest message from the other side (0: none). */
  get newestFromOthers(): number {
    return this.root?.summary.newestFromOthers ?? 0;
  }

  /** The highest server id held (0: none). */
  get highestId(): number {
    return this.root?.summary.highestId ?? 0;
  }

  /** Where the message with server id `id` is. */
  placeOfId(id: number): TimelinePlace | undefined {
    return this.currentIndex().byId.get(id);
  }

  /** Where the message with key `key` is. */
  placeOfKey(key: string): TimelinePlace | undefined {
    return this.currentIndex().byKey.get(key);
  }

  /** The first message in order with echo id `echoId` that `accept` takes. */
  firstWithEchoId(echoId: string, accept: (message: Message) => boolean): TimelinePlace | undefined {
    let first: Entry | undefined;
    for (const entry of this.currentIndex().byEchoId.get(echoId) ?? []) {
      if (accept(entry.message) && (!first || compareEntries(entry, first) < 0)) first = entry;
    }
    return first;
  }

  /** This timeline with `message` added after any equal ones. */
  add(message: Message): MessageTimeline {
    return this.change([], {message, arrival: this.nextArrival}, this.nextArrival + 1);
  }

  /** This timeline with `message` in the place of `place` (it keeps its place among equals), and
   * without `alsoRemove` (a second copy of the same message). */
  replace(place: TimelinePlace, message: Message, alsoRemove?: TimelinePlace): MessageTimeline {
    const removed = alsoRemove && alsoRemove !== place ? [place, alsoRemove] : [place];
    return this.change(removed, {message, arrival: place.arrival}, this.nextArrival);
  }

  private change(removed: readonly Entry[], added: Entry, nextArrival: number): MessageTimeline {
    const index = this.currentIndex();
    let root = this.root;
    for (const entry of removed) {
      root = root && removeFrom(root, entry);
      index.remove(entry);
    }
    const parts = root ? insertInto(root, added) : [new Leaf([added])];
    index.add(added);
    const next = new MessageTimeline(parts.length == 1 ? parts[0] : new Branch(parts), index, nextArrival);
    index.owner = next;
    return next;
  }

  /** The shared index when this is the newest version; else one rebuilt from this tree. */
  private currentIndex(): TimelineIndex {
    if (this.index.owner === this) return this.index;
    const index = new TimelineIndex(this);
    if (this.root) for (const entry of entriesFrom(this.root, 0)) index.add(entry);
    this.index = index;
    return index;
  }

  private clamp(position: number): number {
    const whole = Math.trunc(position) || 0;
    return whole < 0 ? Math.max(0, this.length + whole) : Math.min(whole, this.length);
  }
}
