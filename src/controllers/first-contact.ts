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
  #stage: FirstContactStage | null = null;

  constructor(host: InboxHost) {
    this.host = host;
    this.settings = new HostSettings(host, ['reply-time', 'greeting', 'away-mode', 'pre-chat'], ['preChatForm']);
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
    return this.settings.choice('away-mode', AWAY_MODES, 'show');
  }

  /** Outside working hours (known once the inbox is read). */
  get away(): boolean {
    return this.inbox.hours?.open === false;
  }
}

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
