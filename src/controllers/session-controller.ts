import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ChatSession, StorageLike} from '../state/chat-session.js';
import type {ChatState, ContactRef} from '../state/chat-state.js';
import type {Message} from '../state/model.js';
import type {SessionBinding} from './session-binding.js';
import type {Announcement} from './live-region.js';
import {LazyModule} from './lazy-module.js';
import {hasStoredVisitor} from './stored-contact.js';

/** What the controller reads from its host: the element's configuration. */
export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  baseUrl: string;
  websocketUrl: string;
  inboxIdentifier: string;
  pubsubToken: string;
  contactIdentifier: string;
  conversationId: number | null;
  storage: 'local' | 'session' | 'none';
  presenceInterval: number;
  /** Panel open and page visible. */
  readonly panelVisible: boolean;
}

type Call = (session: ChatSession) => unknown;
type SessionModule = typeof import('./session-binding.js');

/** The chosen Web Storage, or null for `none` or where the page forbids storage (sandboxed frames). */
function pickStorage(kind: SessionHost['storage']): StorageLike | null {
  try {
    return kind == 'none' ? null : kind == 'session' ? sessionStorage : localStorage;
  } catch {
    return null;
  }
}

const noop = () => {};

/**
 * Decides when the element needs a ChatSession and keeps one for its connected lifetime: the
 * session's code (state, protocol, REST: src/controllers/session-binding.ts) is a chunk of its
 * own, loaded at once when a contact is known (given by attributes or stored earlier), else
 * when the visitor opens the panel or a method is called. It is built again whenever the
 * configuration changes, and disposed of on disconnect. Calls made before a session exists are
 * queued and carried out in order.
 */
export class SessionController implements ReactiveController {
  readonly #host: SessionHost;
  readonly #module: LazyModule<SessionModule>;
  /** The session in use; after a disconnect, the last one (disposed), whose state stays on view. */
  #binding: SessionBinding | null = null;
  /** The binding's session runs (it is disposed of after a disconnect or a new configuration). */
  #running = false;
  #config = '';
  /** A contact is known for the current configuration (attributes or storage). */
  #known = false;
  #queue: Call[] = [];
  /** The contact in use when the element was removed: a re-append goes on with it. */
  #kept: ContactRef | null = null;
  /** What the running session was last told by `syncVisibility()`. */
  #toldVisible: boolean | undefined;

  /** @param onModuleError told when the session's chunk is refused or cannot be fetched */
  constructor(host: SessionHost, onModuleError: (error: Error) => void) {
    this.#host = host;
    this.#module = new LazyModule(host, () => import('./session-binding.js'), onModuleError);
    host.addController(this);
  }

  /** The running session, or null. */
  get session(): ChatSession | null {
    return this.#running ? (this.#binding?.session ?? null) : null;
  }

  /** The session's state; null before any session (an idle widget). */
  get state(): ChatState | null {
    return this.#binding?.state ?? null;
  }

  /** The conversation as a real read-only array. */
  get messages(): readonly Message[] {
    return this.#binding?.messages ?? [];
  }

  /** What the live region says now: the latest message from the other side, or who is typing. */
  get announcement(): Announcement | null {
    return this.#binding?.announcement ?? null;
  }

  /** What the session's later features draw beside the launcher (src/reach/: the previews). */
  get extras(): unknown {
    return this.#binding?.renderReach();
  }

  /** Why the session's chunk could not load (shown to the visitor); null otherwise. */
  get loadError(): Error | null {
    return this.#module.error;
  }

  /** The session's chunk while it is on its way, else null. */
  get pending(): Promise<unknown> | null {
    return this.#module.pending ?? this.#binding?.pending ?? null;
  }

  hostConnected() {
    this.#host.requestUpdate();
  }

  hostDisconnected() {
    this.#kept = this.state?.contact ?? null;
    this.#stop();
  }

  /**
   * Before each render: (re)build the session when the configuration changed and a session is
   * needed. `conversationId` is not configuration: it follows the conversation shown, and the
   * session shows another when the page sets it.
   */
  hostUpdate() {
    const host = this.#host;
    if (!host.isConnected) return;
    const config = JSON.stringify([host.baseUrl, host.websocketUrl, host.inboxIdentifier, host.pubsubToken, host.contactIdentifier, host.storage, host.presenceInterval]);
    if (config != this.#config) {
      const changed = Boolean(this.#config); // else the first update, or a re-append
      this.#stop();
      if (changed) {
        // a new configuration starts afresh
        this.#kept = null;
        this.#binding = null;
      }
      this.#config = config;
      this.#known = Boolean(host.pubsubToken && host.contactIdentifier) || hasStoredVisitor(pickStorage(host.storage), host.baseUrl, host.inboxIdentifier);
    }
    if (this.#running || !(this.#known || this.#kept || host.panelVisible || this.#queue.length)) return;
    const module = this.#module.module;
    if (module) this.#start(module);
    else this.#module.load().catch(noop); // re-renders when it arrives
  }

  /** Runs `call` on the session now, or once one exists (loading its chunk if need be). */
  run<T>(call: (session: ChatSession) => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const go: Call = (session) => Promise.resolve().then(() => call(session)).then(resolve, reject);
      if (this.#running) {
        this.#binding?.use(go);
        return;
      }
      this.#queue.push(go);
      this.#module.load({again: true}).then(
        () => this.#host.requestUpdate(),
        (error: unknown) => {
          this.#queue = this.#queue.filter((queued) => queued !== go);
          reject(error);
        }
      );
    });
  }

  /**
   * Tells the session whether the visitor can see the conversation, when that changed (loading
   * the session when they can). Cheap enough to call before every render.
   */
  syncVisibility() {
    const binding = this.#running ? this.#binding : null;
    const visible = this.#host.panelVisible;
    if (binding) {
      if (visible !== this.#toldVisible) binding.setPanelVisible((this.#toldVisible = visible));
    } else if (visible) {
      this.#module.load({again: true}).catch(noop);
    }
  }

  #start(module: SessionModule) {
    const host = this.#host;
    const kept = this.#kept;
    // `wss://host/cable` for an `https://host` base URL (contract §2); a base URL that is not a URL fails in the session.
    const websocketUrl = host.websocketUrl || host.baseUrl.replace(/^http/, 'ws').replace(/\/*$/, '/cable');
    this.#running = true;
    this.#toldVisible = undefined;
    this.#binding = new module.SessionBinding(host, {
      baseUrl: host.baseUrl,
      websocketUrl,
      inboxIdentifier: host.inboxIdentifier || undefined,
      pubsubToken: host.pubsubToken || kept?.pubsubToken,
      contactIdentifier: host.contactIdentifier || kept?.sourceId,
      conversationId: host.conversationId ?? undefined,
      storage: pickStorage(host.storage),
      presenceInterval: host.presenceInterval,
    });
    this.syncVisibility();
    for (const call of this.#queue.splice(0)) this.#binding.use(call);
  }

  /** Disposes of the running session (its last state stays on view, `idle`). */
  #stop() {
    if (this.#running) this.#binding?.dispose();
    this.#running = false;
    this.#config = '';
  }
}
