// The left column: every conversation, newest activity first, filtered by status, with the
// contact, the time of the last activity, the status (and who resolved it), unread counts and
// a highlight on conversations that changed since the agent last looked at them.
import {h} from './dom.js';
import {summary} from './message-view.js';
import {shortTime} from './readable.js';

/** @typedef {'all' | 'open' | 'resolved'} Filter */

export class ConversationList {
  /**
   * @param {HTMLElement} container
   * @param {{onOpen: (id: number) => void}} callbacks
   */
  constructor(container, {onOpen}) {
    this.onOpen = onOpen;
    /** @type {Filter} */
    this.filter = 'all';
    this.filters = h('div', {class: 'filters', role: 'group', 'aria-label': 'Show conversations'});
    this.list = h('ul', {class: 'conversations'});
    this.empty = h('p', {class: 'hint empty'});
    container.append(h('h2', {}, 'Conversations'), this.filters, this.list, this.empty);
    /** @type {any[]} */
    this.last = [];
    this.state = {current: /** @type {number | null} */ (null), fresh: new Set(), typing: new Set()};
  }

  /** @param {Filter} filter */
  setFilter(filter) {
    this.filter = filter;
    this.render(this.last, this.state);
  }

  /**
   * @param {any[]} conversations
   * @param {{current: number | null, fresh: Set<number>, typing: Set<number>}} state
   */
  render(conversations, state) {
    this.last = conversations;
    this.state = state;
    const sorted = [...conversations].sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id);
    const counts = {all: sorted.length, open: sorted.filter((c) => c.status !== 'resolved').length, resolved: sorted.filter((c) => c.status === 'resolved').length};
    this.filters.replaceChildren(
      ...(/** @type {Filter[]} */ (['all', 'open', 'resolved'])).map((filter) =>
        h(
          'button',
          {type: 'button', 'aria-pressed': String(this.filter === filter), 'data-filter': filter, onclick: () => this.setFilter(filter)},
          `${filter[0].toUpperCase()}${filter.slice(1)} `,
          h('span', {class: 'count'}, String(counts[filter]))
        )
      )
    );
    const shown = sorted.filter((c) => this.filter === 'all' || (this.filter === 'resolved' ? c.status === 'resolved' : c.status !== 'resolved'));
    this.list.replaceChildren(...shown.map((conversation) => this.#item(conversation, state)));
    this.empty.hidden = shown.length > 0;
    this.empty.textContent = sorted.length
      ? `No ${this.filter} conversations.`
      : 'No conversations yet. Open the demo shop and write in the chat: it appears here at once.';
  }

  /** @param {any} conversation @param {{current: number | null, fresh: Set<number>, typing: Set<number>}} state */
  #item(conversation, state) {
    const active = conversation.id === state.current;
    const fresh = state.fresh.has(conversation.id) && !active;
    const unread = Number(conversation.unread_count) || 0;
    const last = conversation.messages?.[0];
    const preview = state.typing.has(conversation.id) ? 'typing…' : last ? summary(last) : 'No messages yet';
    const resolver = conversation.status === 'resolved' && conversation.resolved_by ? ` by ${conversation.resolved_by.name}` : '';
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: `conv${active ? ' active' : ''}${fresh ? ' fresh' : ''}${unread ? ' unread' : ''}`,
          'aria-current': active ? 'true' : undefined,
          'data-id': conversation.id,
          onclick: () => this.onOpen(conversation.id),
        },
        h('span', {class: 'conv-name'}, String(conversation.meta?.sender?.name ?? 'Visitor')),
        h('time', {class: 'conv-time'}, shortTime(conversation.last_activity_at)),
        h(
          'span',
          {class: 'conv-status'},
          h('span', {class: `pill ${conversation.status}`}, `${conversation.status}${resolver}`),
          ` #${conversation.id}`,
          unread ? h('span', {class: 'badge', 'aria-label': `${unread} unread`}, String(unread)) : null
        ),
        h('span', {class: 'preview'}, preview)
      )
    );
  }
}
