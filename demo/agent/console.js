// The agent console: the page a site owner sees first in `npm start`. It lists the inbox's
// conversations, follows the open one live, and answers as the agent or the bot. It talks only
// to the agent API and its event stream (demo/server/README.md); everything the server sends is
// shown through DOM nodes, never parsed as HTML.
import {AgentApi} from './api.js';
import {ConversationList} from './conversation-list.js';
import {h} from './dom.js';
import {ThreadFollower} from './follower.js';
import {renderMessage, summary} from './message-view.js';
import {BOT_MESSAGES} from './bot-messages.js';
import {ContactPanel} from './contact-panel.js';
import {InboxSettings} from './inbox-settings.js';

const BASE_TITLE = 'Agent console · Akece demo';
const TYPING_TIMEOUT_MS = 30000;

export class AgentConsole {
  /** @param {HTMLElement} root @param {{apiBase?: string}} [options] */
  constructor(root, {apiBase = '/agent/api'} = {}) {
    this.root = root;
    this.api = new AgentApi(apiBase);
    /** @type {Map<number, any>} */
    this.conversations = new Map();
    /** @type {Map<number, any>} messages of the open conversation */
    this.messages = new Map();
    /** @type {number | null} */
    this.current = null;
    /** Conversations with news since the agent last opened them. @type {Set<number>} */
    this.fresh = new Set();
    /** @type {Map<number, number>} conversation id → timer that ends "typing…" */
    this.typing = new Map();
    /** @type {any} the message being edited */
    this.editing = null;
    /** @type {any} the message being answered */
    this.replyingTo = null;
    /** @type {number | null} the quoted message being pointed out */
    this.flashing = null;
    this.agentTyping = {on: false, private: false, idle: 0};
    /** @type {EventSource | null} */
    this.events = null;
    this.#build();
  }

  #build() {
    const el = (/** @type {string} */ name) => /** @type {any} */ (this.root.querySelector(`[data-ref="${name}"]`));
    this.root.replaceChildren(
      h(
        'header',
        {class: 'bar'},
        h('h1', {}, 'Agent console'),
        h('span', {class: 'me'}, 'Signed in as ', h('strong', {}, 'Sam Rivera')),
        h('label', {class: 'presence'}, 'Availability ', h('select', {'data-ref': 'presence'}, h('option', {value: 'online'}, 'Online'), h('option', {value: 'away'}, 'Away'), h('option', {value: 'offline'}, 'Offline'))),
        h('button', {type: 'button', 'data-ref': 'settings'}, 'Inbox settings'),
        h('span', {class: 'link', role: 'status', 'data-ref': 'link'}, 'Connecting…')
      ),
      h(
        'div',
        {class: 'layout'},
        h('nav', {class: 'list', 'aria-label': 'Conversations', 'data-ref': 'list'}),
        h(
          'section',
          {class: 'placeholder', 'data-ref': 'placeholder'},
          h('h2', {}, 'No conversation selected'),
          h('p', {}, 'Choose a conversation on the left to read it and reply.'),
          h('p', {class: 'hint'}, 'New conversations and messages show up at once: the list highlights them and the tab title counts what is unread.')
        ),
        h(
          'main',
          {class: 'thread', hidden: true, 'data-ref': 'thread'},
          h(
            'header',
            {class: 'thread-head'},
            h('div', {}, h('h2', {'data-ref': 'contactName'}), h('p', {class: 'hint', 'data-ref': 'threadMeta'})),
            h('button', {type: 'button', 'data-ref': 'toggleStatus'})
          ),
          h('div', {class: 'scroll-area'}, h('ol', {class: 'messages', 'aria-label': 'Messages', 'data-ref': 'messages'}), h('button', {type: 'button', class: 'new-marker', hidden: true, 'data-ref': 'marker'})),
          h('p', {class: 'typing', hidden: true, 'aria-live': 'polite', 'data-ref': 'typing'}),
          h(
            'form',
            {class: 'composer', 'data-ref': 'composer'},
            h('p', {class: 'banner', hidden: true, 'data-ref': 'banner'}, h('span', {'data-ref': 'bannerText'}), ' ', h('button', {type: 'button', 'data-ref': 'bannerCancel'}, 'Cancel')),
            h('label', {class: 'sr-only', for: 'reply-text'}, 'Reply'),
            h('textarea', {id: 'reply-text', rows: 3, placeholder: 'Reply (Markdown: **bold**, _italic_, `code`, lists, links). Enter sends, Shift+Enter adds a line.', 'data-ref': 'text'}),
            h(
              'div',
              {class: 'row'},
              h('label', {}, h('input', {type: 'checkbox', 'data-ref': 'private'}), ' Private note'),
              h('label', {class: 'file'}, 'Attach ', h('input', {type: 'file', multiple: true, 'data-ref': 'file'})),
              h('span', {class: 'hint', 'data-ref': 'fileName'}),
              h('button', {type: 'submit', class: 'primary', 'data-ref': 'send'}, 'Send')
            ),
            h(
              'div',
              {class: 'row bot'},
              h('label', {}, 'Bot message ', h('select', {'data-ref': 'botKind'}, ...Object.entries(BOT_MESSAGES).map(([kind, entry]) => h('option', {value: kind}, entry.label)))),
              h('button', {type: 'button', 'data-ref': 'botSend'}, 'Send bot message')
            ),
            h('p', {class: 'error', role: 'alert', hidden: true, 'data-ref': 'error'})
          )
        ),
        h('aside', {class: 'side', hidden: true, 'aria-label': 'Contact', 'data-ref': 'side'})
      )
    );
    this.el = {
      presence: el('presence'),
      link: el('link'),
      placeholder: el('placeholder'),
      thread: el('thread'),
      contactName: el('contactName'),
      threadMeta: el('threadMeta'),
      toggleStatus: el('toggleStatus'),
      messages: el('messages'),
      marker: el('marker'),
      typing: el('typing'),
      composer: el('composer'),
      banner: el('banner'),
      bannerText: el('bannerText'),
      bannerCancel: el('bannerCancel'),
      text: el('text'),
      private: el('private'),
      file: el('file'),
      fileName: el('fileName'),
      send: el('send'),
      botKind: el('botKind'),
      botSend: el('botSend'),
      error: el('error'),
      side: el('side'),
    };
    this.list = new ConversationList(el('list'), {onOpen: (id) => this.guard(() => this.open(id))});
    this.contactPanel = new ContactPanel(el('side'), {onOpen: (id) => this.guard(() => this.open(id))});
    this.settings = new InboxSettings(this.api);
    el('settings').addEventListener('click', () => this.guard(() => this.settings.open()));
    this.follower = new ThreadFollower(this.el.messages, this.el.marker);
    this.#wire();
  }

  /** Run an action and show its failure in the composer. @param {() => Promise<unknown>} action */
  guard(action) {
    return action().catch((error) => this.showError(error));
  }

  /** @param {unknown} error */
  showError(error) {
    this.el.error.textContent = error instanceof Error ? error.message : String(error);
    this.el.error.hidden = false;
  }

  #wire() {
    const {el} = this;
    el.composer.addEventListener('submit', (/** @type {Event} */ event) => (event.preventDefault(), this.guard(() => this.send())));
    el.text.addEventListener('keydown', (/** @type {KeyboardEvent} */ event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) (event.preventDefault(), this.guard(() => this.send()));
      if (event.key === 'Escape') this.clearBanner();
    });
    el.text.addEventListener('input', () => {
      if (this.editing) return;
      this.guard(() => this.setTyping(el.text.value.length > 0));
      clearTimeout(this.agentTyping.idle);
      this.agentTyping.idle = window.setTimeout(() => this.guard(() => this.stopTyping()), 4000);
    });
    el.text.addEventListener('blur', () => this.guard(() => this.stopTyping()));
    el.private.addEventListener('change', () => {
      el.composer.classList.toggle('private', el.private.checked);
      if (this.agentTyping.on) this.guard(() => this.setTyping(true));
    });
    el.file.addEventListener('change', () => (el.fileName.textContent = [...el.file.files].map((/** @type {File} */ file) => file.name).join(', ')));
    el.bannerCancel.addEventListener('click', () => this.clearBanner());
    el.botSend.addEventListener('click', () => this.guard(() => this.sendBot()));
    el.toggleStatus.addEventListener('click', () => this.guard(() => this.toggleStatus()));
    el.presence.addEventListener('change', () => this.guard(() => this.api.request('/presence', {method: 'POST', body: {status: el.presence.value}})));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.current !== null) this.guard(() => this.markSeen());
      this.updateTitle();
    });
  }

  /** Load the presence and the list, and follow the event stream. */
  async start() {
    this.api.request('/presence').then((presence) => (this.el.presence.value = presence.status)).catch((error) => this.showError(error));
    this.connect();
  }

  stop() {
    this.settings.dispose();
    this.events?.close();
    this.events = null;
    this.follower.resizeObserver.disconnect();
  }

  // ---- the list ---------------------------------------------------------------------------

  async loadList() {
    const list = await this.api.request('/conversations');
    this.conversations = new Map(list.map((/** @type {any} */ conversation) => [conversation.id, conversation]));
    this.renderList();
  }

  renderList() {
    this.list.render([...this.conversations.values()], {current: this.current, fresh: this.fresh, typing: new Set(this.typing.keys())});
    this.updateTitle();
  }

  /** The tab title counts unread visitor messages the agent has not looked at. */
  updateTitle() {
    const watching = document.visibilityState === 'visible' ? this.current : null;
    let unread = 0;
    for (const conversation of this.conversations.values()) if (conversation.id !== watching) unread += Number(conversation.unread_count) || 0;
    document.title = unread ? `(${unread}) ${BASE_TITLE}` : BASE_TITLE;
  }

  // ---- one conversation -------------------------------------------------------------------

  /** @param {number} id */
  async open(id) {
    if (this.current !== id) {
      this.clearBanner();
      await this.stopTyping();
    }
    if (this.current !== id) this.messages = new Map();
    this.current = id;
    this.fresh.delete(id);
    this.el.placeholder.hidden = true;
    this.el.thread.hidden = false;
    this.el.messages.setAttribute('aria-busy', 'true');
    const list = await this.api.request(`/conversations/${id}/messages`);
    if (this.current !== id) return;
    // Events that arrived while the page loaded are kept: the answer may predate them.
    const loaded = new Map(list.map((/** @type {any} */ message) => [message.id, message]));
    for (const [messageId, message] of this.messages) if (!loaded.has(messageId)) loaded.set(messageId, message);
    this.messages = loaded;
    await this.markSeen();
    this.renderThread();
    this.follower.reset();
    this.el.messages.setAttribute('aria-busy', 'false');
    this.renderList();
    this.el.text.focus();
    await this.loadContact();
  }

  /** The side panel: the open conversation's contact and all of their conversations. */
  async loadContact() {
    const conversation = this.current === null ? null : this.conversations.get(this.current);
    const contactId = conversation?.meta?.sender?.id;
    if (!contactId) return this.contactPanel.clear();
    const contact = await this.api.request(`/contacts/${contactId}`);
    if (this.conversations.get(this.current ?? -1)?.meta?.sender?.id !== contactId) return;
    this.contactPanel.render(contact, this.conversations.get(/** @type {number} */ (this.current)));
  }

  async markSeen() {
    if (this.current === null) return;
    const conversation = await this.api.request(`/conversations/${this.current}/seen`, {method: 'POST'});
    this.conversations.set(conversation.id, conversation);
    this.renderList();
  }

  /** @param {number} [arrived] messages from the other side that just came in */
  renderThread(arrived = 0) {
    const conversation = this.current === null ? null : this.conversations.get(this.current);
    if (!conversation) return;
    const contact = conversation.meta?.sender ?? {};
    this.el.contactName.textContent = String(contact.name ?? 'Visitor');
    const resolver = conversation.status === 'resolved' && conversation.resolved_by ? ` by ${conversation.resolved_by.name}` : '';
    this.el.threadMeta.replaceChildren(`Conversation #${conversation.id} · `, h('span', {class: `pill ${conversation.status}`}, `${conversation.status}${resolver}`));
    this.el.toggleStatus.textContent = conversation.status === 'resolved' ? 'Reopen' : 'Resolve';
    const sorted = [...this.messages.values()].sort((a, b) => a.created_at - b.created_at || a.id - b.id);
    const context = {
      byId: this.messages,
      onReply: (/** @type {any} */ message) => this.startReply(message),
      onEdit: (/** @type {any} */ message) => this.startEdit(message),
      onDelete: (/** @type {any} */ message) => this.guard(() => this.remove(message)),
      onQuote: (/** @type {number} */ id) => this.showMessage(id),
    };
    this.el.messages.replaceChildren(...sorted.map((message) => renderMessage(message, context)));
    if (this.flashing) this.el.messages.querySelector(`[data-id="${this.flashing}"]`)?.classList.add('flash');
    this.follower.observe(this.el.messages.children);
    this.follower.afterRender(arrived);
    this.el.typing.hidden = !this.typing.has(conversation.id);
    this.el.typing.textContent = `${contact.name ?? 'The visitor'} is typing…`;
  }

  /** Scroll to a quoted message and flash it (kept across redraws until it fades). @param {number} id */
  showMessage(id) {
    const row = this.el.messages.querySelector(`[data-id="${id}"]`);
    if (!row) return;
    this.follower.pinned = false;
    row.scrollIntoView({block: 'center'});
    this.flashing = id;
    row.classList.add('flash');
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => {
      this.flashing = null;
      this.el.messages.querySelector(`[data-id="${id}"]`)?.classList.remove('flash');
    }, 1500);
  }

  // ---- composing --------------------------------------------------------------------------

  /** @param {boolean} on */
  async setTyping(on) {
    const isPrivate = this.el.private.checked;
    if (this.current === null || (on === this.agentTyping.on && isPrivate === this.agentTyping.private)) return;
    if (on && this.agentTyping.on) await this.api.request(`/conversations/${this.current}/typing`, {method: 'POST', body: {on: false, private: this.agentTyping.private}});
    this.agentTyping.on = on;
    this.agentTyping.private = isPrivate;
    await this.api.request(`/conversations/${this.current}/typing`, {method: 'POST', body: {on, private: isPrivate}});
  }

  async stopTyping() {
    clearTimeout(this.agentTyping.idle);
    if (this.agentTyping.on) await this.setTyping(false).catch(() => {});
  }

  async send() {
    if (this.current === null) return;
    const text = this.el.text.value;
    const files = /** @type {FileList} */ (this.el.file.files);
    if (!text.trim() && !files.length) return;
    this.el.error.hidden = true;
    if (this.editing) {
      await this.api.request(`/conversations/${this.current}/messages/${this.editing.id}`, {method: 'PATCH', body: {content: text}});
      this.clearBanner();
      return;
    }
    await this.stopTyping();
    const attributes = this.replyingTo ? {in_reply_to: this.replyingTo.id} : undefined;
    let body;
    if (files.length) {
      body = new FormData();
      if (text.trim()) body.append('content', text);
      body.append('private', String(this.el.private.checked));
      if (attributes) body.append('content_attributes', JSON.stringify(attributes));
      for (const file of files) body.append('attachments[]', file, file.name);
    } else {
      body = {content: text, private: this.el.private.checked, content_attributes: attributes};
    }
    const message = await this.api.request(`/conversations/${this.current}/messages`, {method: 'POST', body});
    this.messages.set(message.id, message);
    this.clearBanner();
    this.el.file.value = '';
    this.el.fileName.textContent = '';
    this.follower.scrollToBottom();
    this.renderThread();
  }

  /** @param {any} message */
  startReply(message) {
    this.editing = null;
    this.replyingTo = message;
    this.el.banner.hidden = false;
    this.el.bannerText.textContent = `Replying to ${message.sender?.name ?? 'this message'}: “${summary(message)}”`;
    this.el.send.textContent = 'Send reply';
    this.el.text.focus();
  }

  /** @param {any} message */
  startEdit(message) {
    this.replyingTo = null;
    this.editing = message;
    this.el.banner.hidden = false;
    this.el.bannerText.textContent = `Editing message #${message.id}`;
    this.el.text.value = message.content ?? '';
    this.el.send.textContent = 'Save';
    this.el.text.focus();
  }

  clearBanner() {
    if (this.editing) this.el.text.value = '';
    this.editing = null;
    this.replyingTo = null;
    this.el.banner.hidden = true;
    this.el.send.textContent = 'Send';
  }

  /** @param {any} message */
  async remove(message) {
    if (this.current === null || !window.confirm('Delete this message for everyone?')) return;
    await this.api.request(`/conversations/${this.current}/messages/${message.id}`, {method: 'DELETE'});
  }

  async sendBot() {
    if (this.current === null) return;
    const kind = this.el.botKind.value;
    const body = {sender: 'bot', content_type: kind, ...BOT_MESSAGES[kind].body(location.origin)};
    const message = await this.api.request(`/conversations/${this.current}/messages`, {method: 'POST', body});
    this.messages.set(message.id, message);
    this.follower.scrollToBottom();
    this.renderThread();
  }

  async toggleStatus() {
    const conversation = this.current === null ? null : this.conversations.get(this.current);
    if (!conversation) return;
    const status = conversation.status === 'resolved' ? 'open' : 'resolved';
    const next = await this.api.request(`/conversations/${conversation.id}/status`, {method: 'POST', body: {status}});
    this.conversations.set(next.id, next);
    this.renderThread();
    this.renderList();
  }

  // ---- live events ------------------------------------------------------------------------

  connect() {
    const events = this.api.events();
    this.events = events;
    events.addEventListener('open', () => {
      this.el.link.textContent = 'Live';
      this.el.link.className = 'link live';
      this.guard(async () => {
        await this.loadList();
        if (this.current !== null) await this.open(this.current);
      });
    });
    events.addEventListener('error', () => {
      this.el.link.textContent = 'Reconnecting…';
      this.el.link.className = 'link';
    });
    events.addEventListener('conversation', (event) => this.onConversation(JSON.parse(/** @type {MessageEvent} */ (event).data)));
    events.addEventListener('message', (event) => this.onMessage(JSON.parse(/** @type {MessageEvent} */ (event).data)));
    events.addEventListener('typing', (event) => this.onTyping(JSON.parse(/** @type {MessageEvent} */ (event).data)));
    events.addEventListener('presence', (event) => (this.el.presence.value = JSON.parse(/** @type {MessageEvent} */ (event).data).status));
  }

  /** @param {any} conversation */
  onConversation(conversation) {
    if (!this.conversations.has(conversation.id) && conversation.id !== this.current) this.fresh.add(conversation.id);
    this.conversations.set(conversation.id, conversation);
    this.renderList();
    if (conversation.id === this.current) this.renderThread();
    // A change to any conversation of the open contact shows in the side panel.
    const open = this.current === null ? null : this.conversations.get(this.current);
    if (open && open.meta?.sender?.id === conversation.meta?.sender?.id) {
      clearTimeout(this.contactTimer);
      this.contactTimer = window.setTimeout(() => this.guard(() => this.loadContact()), 150);
    }
  }

  /** @param {any} message */
  onMessage(message) {
    const id = message.conversation_id;
    const known = this.conversations.get(id);
    const fromVisitor = message.message_type === 0;
    if (known && !message.private && message.message_type !== 2) {
      // Keep the list's preview, time and unread count current without a round trip.
      if (!known.messages?.[0] || known.messages[0].id <= message.id) {
        known.messages = [message];
        known.last_activity_at = Math.max(known.last_activity_at, message.created_at);
      }
    }
    if (id === this.current) {
      const arrived = fromVisitor && !this.messages.has(message.id) ? 1 : 0;
      this.messages.set(message.id, message);
      if (fromVisitor) this.typing.delete(id);
      this.renderThread(arrived);
      if (fromVisitor && document.visibilityState === 'visible') this.guard(() => this.markSeen());
    } else if (fromVisitor) {
      this.fresh.add(id);
    }
    this.refreshList();
  }

  /** @param {{conversation_id: number, on: boolean}} typing */
  onTyping({conversation_id: id, on}) {
    clearTimeout(this.typing.get(id));
    if (on) this.typing.set(id, window.setTimeout(() => (this.typing.delete(id), this.renderList(), this.renderThread()), TYPING_TIMEOUT_MS));
    else this.typing.delete(id);
    this.renderList();
    if (id === this.current) this.renderThread();
  }

  /** The server's counts are the truth; fetch them once a burst of events has passed. */
  refreshList() {
    clearTimeout(this.listTimer);
    this.listTimer = window.setTimeout(() => this.guard(() => this.loadList()), 150);
  }
}
