// The contact's conversations as the list shows them (contract §9): each with its latest
// message, time, status and unread count, newest first. Built from the REST list, then kept
// current by socket events, which reach the contact for every one of its conversations.
// Part of the on-demand conversations chunk, not of the session.

import type {AkeceEvent} from '../protocol/payloads.js';
import type {ConversationStatus, Message} from './model.js';
import {num, toMessage} from './normalize.js';

export interface ConversationSummary {
  readonly id: number;
  readonly status: ConversationStatus | null;
  /** The latest message either side wrote (null: none yet). */
  readonly latest: Message | null;
  /** Unix ms of the latest activity (the latest message, else when it was listed). */
  readonly activeAt: number;
  /** Messages from the other side newer than the visitor last saw. */
  readonly unread: number;
}

const STATUSES: readonly ConversationStatus[] = ['open', 'pending', 'resolved', 'snoozed'];
const statusOf = (value: unknown): ConversationStatus | null => STATUSES.find((status) => status === value) ?? null;
const isShown = (message: Message | null): message is Message => message != null && message.body.type != 'status';

/** Newest activity first; within one second (the server's precision), the later message (ids grow), then the later conversation. */
const newestFirst = (first: ConversationSummary, second: ConversationSummary) =>
  second.activeAt - first.activeAt || (second.latest?.id ?? 0) - (first.latest?.id ?? 0) || second.id - first.id;

/** One conversation of the REST list (`messages` is every public message; unknown shapes give null). */
export function toSummary(value: unknown): ConversationSummary | null {
  if (typeof value != 'object' || value == null) return null;
  const wire = value as Record<string, unknown>;
  const id = num(wire.id);
  if (id == null) return null;
  const messages = (Array.isArray(wire.messages) ? wire.messages : []).map(toMessage).filter(isShown);
  const latest = messages.reduce<Message | null>((newest, message) => (!newest || message.createdAt >= newest.createdAt ? message : newest), null);
  const seenAt = (num(wire.contact_last_seen_at) ?? 0) * 1000;
  const unread = messages.filter((message) => message.role != 'visitor' && message.createdAt > seenAt).length;
  const activeAt = latest?.createdAt ?? (num(wire.created_at) ?? 0) * 1000;
  return {id, status: statusOf(wire.status), latest, activeAt, unread};
}

/** The REST list as summaries, newest first. */
export function toSummaries(list: readonly unknown[]): ConversationSummary[] {
  return list
    .map(toSummary)
    .filter((summary) => summary != null)
    .sort(newestFirst);
}

/**
 * The list after a socket event: a new message moves its conversation up (and, from the other
 * side in a conversation the visitor is not looking at, counts as unread there); a status change
 * updates it; a new conversation joins. `looking` is the conversation the visitor sees now.
 * Returns the same array when nothing changed.
 */
export function withEvent(list: readonly ConversationSummary[], event: AkeceEvent, looking: number | null): readonly ConversationSummary[] {
  switch (event.event) {
    case 'message.created': {
      const message = toMessage(event.data);
      if (!isShown(message) || message.conversationId == null) return list;
      const held = list.find((summary) => summary.id == message.conversationId);
      const fromOthers = message.role != 'visitor' && message.conversationId !== looking;
      const base: ConversationSummary = held ?? {id: message.conversationId, status: 'open', latest: null, activeAt: 0, unread: 0};
      if (held?.latest?.id === message.id) return list;
      const updated = {...base, latest: message, activeAt: Math.max(base.activeAt, message.createdAt), unread: base.unread + (fromOthers ? 1 : 0)};
      return [updated, ...list.filter((summary) => summary !== held)].sort(newestFirst);
    }
    case 'conversation.created':
    case 'conversation.status_changed':
    case 'conversation.updated': {
      const id = num(event.data.id);
      const status = statusOf(event.data.status);
      if (id == null) return list;
      const held = list.find((summary) => summary.id == id);
      if (held) return held.status == status || !status ? list : list.map((summary) => (summary === held ? {...held, status} : summary));
      const created = {id, status, latest: null, activeAt: Date.now(), unread: 0};
      return [created, ...list].sort(newestFirst);
    }
    default:
      return list;
  }
}

/** The list with `id` read (the visitor is looking at it). */
export function withRead(list: readonly ConversationSummary[], id: number | null): readonly ConversationSummary[] {
  const held = list.find((summary) => summary.id === id);
  return held && held.unread ? list.map((summary) => (summary === held ? {...held, unread: 0} : summary)) : list;
}

/** Unread messages across every conversation but `except`. */
export const unreadElsewhere = (list: readonly ConversationSummary[], except: number | null) =>
  list.reduce((sum, summary) => sum + (summary.id === except ? 0 : summary.unread), 0);
