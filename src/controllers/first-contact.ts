// First contact (contract §11), one per element: its §11 settings, the inbox (read when the chat
// is first needed) with whether the team is in, and what the visitor is asked before the chat
// can start (`stage`: sign in, or a pre-chat form), which the panel shows and the session's
// hook (src/controllers/contact-gate.ts) sets while it waits.
import {HostSettings} from './host-settings.js';
import {InboxStatus, type InboxHost} from './inbox-status.js';
import type {PreChatForm, PreChatValues} from '../state/pre-chat-form.js';

/** What the visitor is asked before the chat can start; null while nothing is. */
export type FirstContactStage =
  | {readonly kind: 'identity'}
  | {
      readonly kind: 'form';
      readonly form: PreChatForm;
      /** The form asks for an email only because the team is away (`away-mode="email"`). */
      readonly awayEmail: boolean;
      submit(values: PreChatValues): void;
    };

export const REPLY_TIMES = ['minutes', 'hours', 'day'] as const;
export type ReplyTime = (typeof REPLY_TIMES)[number];
export const AWAY_MODES = ['show', 'hide', 'email'] as const;
export type AwayMode = (typeof AWAY_MODES)[number];

export class FirstContact {
  /** The element's §11 settings. */
  readonly settings: HostSettings;
  /** The inbox, read when the chat is first needed, and whether the team is in. */
  readonly inbox: InboxStatus;
  readonly host: InboxHost;
  /**
   * Whom the gate (src/controllers/contact-gate.ts) has let through to the chat: NEW_VISITOR
   * once a new visitor's contact may be created, else a contact's source id; null while it is
   * deciding or has not been asked. Until then the panel shows neither composer nor form.
   */
  get answeredFor(): string | null {
    return this.#answeredFor;
  }

  set answeredFor(visitor: string | null) {
    this.#answeredFor = visitor;
    this.host.requestUpdate();
  }

  /** The contact the gate let a new visitor make is let through (while rendering: nothing to redraw). */
  adoptContact(sourceId: string): void {
    this.#answeredFor = sourceId;
  }

  /** The contacts (source ids) whose check as returning visitors has begun. */
  readonly checked = new Set<string>();
  /** Names of the fields a new visitor answered, kept for their contact once it exists (so that a later visit does not ask again). */
  answeredFields: readonly string[] = [];
  #stage: FirstContactStage | null = null;
  #answeredFor: string | null = null;

  constructor(host: InboxHost) {
    this.host = host;
    // (`away-mode` is a property of the element itself: the page-start script watches it for `hide`)
    this.settings = new HostSettings(host, ['reply-time', 'greeting', 'pre-chat'], ['preChatForm']);
    this.inbox = new InboxStatus(host);
  }

  /** What the visitor is being asked; null while nothing is. */
  get stage(): FirstContactStage | null {
    return this.#stage;
  }

  set stage(stage: FirstContactStage | null) {
    this.#stage = stage;
    this.host.requestUpdate();
  }

  /** `reply-time`, if it is one of its values. */
  get replyTime(): ReplyTime | null {
    const value = this.settings.attribute('reply-time')?.trim().toLowerCase();
    return REPLY_TIMES.find((known) => known == value) ?? null;
  }

  /** `greeting`, trimmed ('' none). */
  get greeting(): string {
    return this.settings.attribute('greeting')?.trim() ?? '';
  }

  get awayMode(): AwayMode {
    const value = this.host.awayMode?.trim().toLowerCase();
    return AWAY_MODES.find((mode) => mode == value) ?? 'show';
  }

  /**
   * Whether the visitor may be asked something before the chat (a form from the page, an email
   * while away, a verified identity the inbox requires); false only once the inbox is read.
   */
  get mayAsk(): boolean {
    if (!this.inbox.settled) return true;
    const emailWhileAway = this.awayMode == 'email' && this.away;
    return Boolean(this.inbox.settings?.identityRequired) || this.settings.property('preChatForm') != null || this.settings.flag('pre-chat') || emailWhileAway;
  }

  /** Outside working hours (known once the inbox is read). */
  get away(): boolean {
    return this.inbox.hours?.open === false;
  }
}

/** `answeredFor` of a new visitor (no contact yet) whom the gate let through. */
export const NEW_VISITOR = '';

const instances = new WeakMap<InboxHost, FirstContact>();

/** The element's FirstContact, made (and the inbox read) when the chat is first needed. */
export function firstContactOf(host: InboxHost): FirstContact {
  let instance = instances.get(host);
  if (!instance) {
    instances.set(host, (instance = new FirstContact(host)));
    instance.inbox.load();
  }
  return instance;
}
