import {oneEvent} from '@open-wc/testing';
import type {Message, Sender} from '../../src/state/model.js';

/** A sender (cast: the model's optional extras differ between versions). */
export const who = (id: number, name: string, avatarUrl = '') => ({id, name, avatarUrl}) as Sender;

let n = 0;
/** A message with sensible defaults; pass what a test cares about. */
export const msg = (o: Partial<Message> = {}): Message => {
  const id = ++n;
  return {
    key: String(id),
    id,
    echoId: null,
    conversationId: 1,
    role: 'agent',
    sender: who(7, 'Priya Sharma'),
    content: `Message ${id}`,
    body: {type: 'text'},
    attachments: [],
    createdAt: Date.UTC(2024, 4, 1, 10, 0) + id * 1000,
    status: 'sent',
    deleted: false,
    read: false,
    answer: null,
    error: null,
    ...o,
  };
};

export const visitor = (o: Partial<Message> = {}) =>
  msg({role: 'visitor', sender: who(1, 'Ana'), ...o});

/** The shadow DOM holds no script, and no javascript:/data:/vbscript: URL in any href or src. */
export const assertSafe = (root: ParentNode) => {
  if (root.querySelector('script')) throw new Error('script element rendered');
  for (const e of root.querySelectorAll('[href],[src]')) {
    const u = (e.getAttribute('href') ?? e.getAttribute('src') ?? '').trim().toLowerCase();
    if (/^(javascript|data|vbscript):/.test(u)) throw new Error(`unsafe URL ${u}`);
  }
  for (const e of root.querySelectorAll('*'))
    for (const a of e.attributes) if (/^on/i.test(a.name)) throw new Error(`event handler attribute ${a.name}`);
};

/** `oneEvent`, typed by the event map (our intent events are classes, not CustomEvents). */
export const once = <K extends keyof HTMLElementEventMap>(el: EventTarget, name: K) =>
  oneEvent(el, name) as unknown as Promise<HTMLElementEventMap[K]>;
