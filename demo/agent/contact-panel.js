// The right column: who the open conversation is with (details, whether their identity is
// verified, their custom attributes), the conversation's own attributes, and every
// conversation of that contact with its status and who resolved it.
import {h} from './dom.js';
import {shortTime} from './readable.js';

/** @param {unknown} value */
const show = (value) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** @param {Record<string, unknown> | null | undefined} attributes @param {string} empty */
function attributeList(attributes, empty) {
  const entries = Object.entries(attributes && typeof attributes === 'object' ? attributes : {});
  if (!entries.length) return h('p', {class: 'hint'}, empty);
  return h('dl', {}, ...entries.flatMap(([key, value]) => [h('dt', {}, key), h('dd', {}, show(value))]));
}

export class ContactPanel {
  /** @param {HTMLElement} container @param {{onOpen: (id: number) => void}} callbacks */
  constructor(container, {onOpen}) {
    this.container = container;
    this.onOpen = onOpen;
  }

  clear() {
    this.container.hidden = true;
    this.container.replaceChildren();
  }

  /**
   * @param {any} contact the agent API's contact (with contact_inboxes and conversations)
   * @param {any} conversation the open conversation
   */
  render(contact, conversation) {
    this.container.hidden = false;
    const verified = Array.isArray(contact.contact_inboxes) && contact.contact_inboxes.some((/** @type {any} */ ci) => ci.hmac_verified);
    const devices = Array.isArray(contact.contact_inboxes) ? contact.contact_inboxes.length : 0;
    const conversations = Array.isArray(contact.conversations) ? contact.conversations : [];
    this.container.replaceChildren(
      h('h2', {}, show(contact.name)),
      h('p', {class: 'hint'}, `Contact #${contact.id} · ${show(contact.contact_type)}`),
      h(
        'dl',
        {class: 'details'},
        h('dt', {}, 'Email'),
        h('dd', {}, show(contact.email)),
        h('dt', {}, 'Phone'),
        h('dd', {}, show(contact.phone_number)),
        h('dt', {}, 'Identifier'),
        h('dd', {}, show(contact.identifier)),
        h('dt', {}, 'Identity'),
        h('dd', {}, verified ? h('span', {class: 'verified'}, 'Verified (HMAC)') : 'Not verified'),
        h('dt', {}, 'Devices'),
        h('dd', {}, String(devices)),
        h('dt', {}, 'Last seen'),
        h('dd', {}, contact.last_activity_at ? new Date(contact.last_activity_at).toLocaleString() : '—')
      ),
      h('h3', {}, 'Contact attributes'),
      h('div', {'data-section': 'contact-attributes'}, attributeList(contact.custom_attributes, 'None set.')),
      h('h3', {}, 'This conversation'),
      h('div', {'data-section': 'conversation-attributes'}, attributeList(conversation?.custom_attributes, 'No conversation attributes.')),
      h('h3', {}, `Conversations (${conversations.length})`),
      h(
        'ul',
        {'data-section': 'contact-conversations'},
        ...conversations.map((/** @type {any} */ item) =>
          h(
            'li',
            {},
            h(
              'button',
              {type: 'button', 'aria-current': item.id === conversation?.id ? 'true' : undefined, 'data-id': item.id, onclick: () => this.onOpen(item.id)},
              `#${item.id}`,
              h('span', {class: `pill ${item.status}`}, item.status === 'resolved' && item.resolved_by ? `resolved by ${item.resolved_by.name}` : item.status),
              h('span', {class: 'hint'}, shortTime(item.last_activity_at))
            )
          )
        )
      )
    );
  }
}
