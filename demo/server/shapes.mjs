// Payload builders: turn store records into the exact JSON shapes Chatwoot sends (see the
// protocol reference and its fixtures). Field order follows Chatwoot's, so diffs against the
// fixtures stay readable. Records keep times in epoch milliseconds; each shape converts them.

export const ACCOUNT_ID = 1;
export const INBOX_ID = 1;
export const AGENT = {id: 1, name: 'Sam Rivera', available_name: 'Sam'};
export const BOT = {id: 1, name: 'Akece Bot'};

/** @typedef {import('./store.mjs').Store} Store */
/** @typedef {import('./store.mjs').Message} Message */
/** @typedef {import('./store.mjs').Conversation} Conversation */
/** @typedef {import('./store.mjs').Contact} Contact */
/** @typedef {import('./store.mjs').ContactInbox} ContactInbox */
/** @typedef {import('./store.mjs').Attachment} Attachment */
/** Agent availability as Chatwoot puts it in payloads: null outside an agent request. */
/** @typedef {'online' | 'busy' | 'offline' | null} Availability */

/** @param {number} ms */
export const iso = (ms) => new Date(ms).toISOString();
/** @param {number | null | undefined} ms unix seconds, 0 for "never" */
export const sec = (ms) => (ms ? Math.floor(ms / 1000) : 0);

/** @param {Contact} c */
export const contactPush = (c) => ({
  additional_attributes: c.additional_attributes,
  custom_attributes: c.custom_attributes,
  email: c.email,
  id: c.id,
  identifier: c.identifier,
  name: c.name,
  phone_number: c.phone_number,
  thumbnail: '',
  blocked: false,
  type: 'contact',
});

/** The full Contact row (contact PATCH response, `contact` in REST conversations). @param {Contact} c */
export const contactRow = (c) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone_number: c.phone_number,
  account_id: ACCOUNT_ID,
  created_at: iso(c.created),
  updated_at: iso(c.updated),
  additional_attributes: c.additional_attributes,
  identifier: c.identifier,
  custom_attributes: c.custom_attributes,
  last_activity_at: c.last_activity ? iso(c.last_activity) : null,
  contact_type: c.email || c.phone_number ? 'lead' : 'visitor',
  middle_name: '',
  last_name: '',
  location: '',
  country_code: '',
  blocked: false,
  company_id: null,
});

/** Contact create/show response. @param {ContactInbox} ci @param {Contact} c */
export const contactCreated = (ci, c) => ({
  source_id: ci.source_id,
  pubsub_token: ci.pubsub_token,
  id: c.id,
  name: c.name,
  email: c.email,
  phone_number: c.phone_number,
});

/** @param {Availability} availability */
export const userPush = (availability) => ({
  id: AGENT.id,
  name: AGENT.name,
  available_name: AGENT.available_name,
  avatar_url: '',
  type: 'user',
  availability_status: availability,
  thumbnail: '',
});

export const botPush = () => ({id: BOT.id, name: BOT.name, avatar_url: '', type: 'agent_bot'});

/** @param {Attachment} a @param {string} origin */
export function attachmentPush(a, origin) {
  const file = `${a.key}/${encodeURIComponent(a.filename)}`;
  /** @type {Record<string, unknown>} */
  const out = {
    id: a.id,
    message_id: a.message_id,
    file_type: a.file_type,
    account_id: ACCOUNT_ID,
    extension: a.extension,
    content_type: a.content_type,
    data_url: `${origin}/rails/active_storage/blobs/redirect/${file}`,
    thumb_url: a.file_type === 'image' ? `${origin}/rails/active_storage/representations/redirect/${file}` : '',
    file_size: a.file_size,
    width: null,
    height: null,
  };
  if (a.file_type === 'audio') out.transcribed_text = '';
  return out;
}

/** @param {Store} store @param {Message} m @param {Availability} availability */
function sender(store, m, availability) {
  if (m.sender_type === 'Contact') {
    const c = store.contact(m.sender_id);
    return c && contactPush(c);
  }
  if (m.sender_type === 'User') return userPush(availability);
  if (m.sender_type === 'AgentBot') return botPush();
  return undefined;
}

/**
 * The WebSocket message shape (`Message#push_event_data`).
 * @param {Store} store @param {Message} m @param {string} origin
 * @param {{availability?: Availability, echoId?: string}} [opts]
 */
export function messagePush(store, m, origin, {availability = null, echoId} = {}) {
  const conv = /** @type {Conversation} */ (store.conversation(m.conversation_id));
  const ci = store.contactInbox(conv.contact_inbox_id);
  /** @type {Record<string, unknown>} */
  const out = {
    id: m.id,
    content: m.content,
    account_id: ACCOUNT_ID,
    inbox_id: INBOX_ID,
    conversation_id: m.conversation_id,
    message_type: m.message_type,
    created_at: sec(m.created),
    updated_at: iso(m.updated),
    private: m.private,
    status: m.status,
    source_id: null,
    content_type: m.content_type,
    content_attributes: m.content_attributes,
    sender_type: m.sender_type,
    sender_id: m.sender_id,
    external_source_ids: {},
    additional_attributes: {},
    processed_message_content: m.content,
    sentiment: {},
    conversation: {
      assignee_id: conv.assignee_id,
      unread_count: unreadCount(store, conv),
      last_activity_at: sec(conv.last_activity),
      contact_inbox: {source_id: ci?.source_id ?? null},
    },
  };
  if (echoId !== undefined) out.echo_id = echoId;
  if (m.attachments.length) out.attachments = m.attachments.map((a) => attachmentPush(a, origin));
  const s = sender(store, m, availability);
  if (s) out.sender = s;
  return out;
}

/** The REST message shape (`_message.json.jbuilder`): a subset, no echo_id. @param {Store} store @param {Message} m @param {string} origin */
export function messageRest(store, m, origin) {
  /** @type {Record<string, unknown>} */
  const out = {
    id: m.id,
    content: m.content,
    message_type: m.message_type,
    content_type: m.content_type,
    content_attributes: m.content_attributes,
    created_at: sec(m.created),
    conversation_id: m.conversation_id,
  };
  if (m.attachments.length) out.attachments = m.attachments.map((a) => attachmentPush(a, origin));
  const s = sender(store, m, null);
  if (s) out.sender = s;
  return out;
}

/** Incoming messages the agent has not seen, capped at 10 like Chatwoot. @param {Store} store @param {Conversation} conv */
export function unreadCount(store, conv) {
  const since = conv.agent_last_seen ?? 0;
  const n = store.messagesOf(conv.id).filter((m) => m.message_type === 0 && m.created > since).length;
  return Math.min(n, 10);
}

/** @param {Message} m */
export const isChat = (m) => !m.private && m.message_type !== 2;

/**
 * `Conversations::EventDataPresenter#push_data` (without account_id, which events add).
 * @param {Store} store @param {Conversation} conv @param {string} origin @param {Availability} [availability]
 */
export function conversationPush(store, conv, origin, availability = null) {
  const ci = /** @type {ContactInbox} */ (store.contactInbox(conv.contact_inbox_id));
  const contact = /** @type {Contact} */ (store.contact(conv.contact_id));
  const last = store.messagesOf(conv.id).filter(isChat).at(-1);
  return {
    additional_attributes: conv.additional_attributes,
    can_reply: true,
    channel: 'Channel::Api',
    contact_inbox: {
      id: ci.id,
      contact_id: ci.contact_id,
      inbox_id: INBOX_ID,
      source_id: ci.source_id,
      created_at: iso(ci.created),
      updated_at: iso(ci.updated),
      hmac_verified: Boolean(ci.hmac_verified),
      pubsub_token: ci.pubsub_token,
    },
    id: conv.id,
    inbox_id: INBOX_ID,
    messages: last ? [messagePush(store, last, origin)] : [],
    labels: conv.labels,
    meta: {
      sender: contactPush(contact),
      assignee: conv.assignee_id ? userPush(availability) : null,
      assignee_type: conv.assignee_id ? 'User' : null,
      team: null,
      hmac_verified: Boolean(ci.hmac_verified),
    },
    status: conv.status,
    custom_attributes: conv.custom_attributes,
    snoozed_until: null,
    unread_count: unreadCount(store, conv),
    first_reply_created_at: conv.first_reply ? iso(conv.first_reply) : null,
    priority: null,
    waiting_since: sec(conv.waiting_since),
    agent_last_seen_at: sec(conv.agent_last_seen),
    contact_last_seen_at: sec(conv.contact_last_seen),
    last_activity_at: sec(conv.last_activity),
    timestamp: sec(conv.last_activity),
    created_at: sec(conv.created),
    updated_at: conv.updated / 1000,
  };
}

/** The REST conversation (`_conversation.json.jbuilder`). @param {Store} store @param {Conversation} conv @param {string} origin */
export function conversationRest(store, conv, origin) {
  return {
    id: conv.id,
    uuid: conv.uuid,
    inbox_id: INBOX_ID,
    contact_last_seen_at: sec(conv.contact_last_seen),
    status: conv.status,
    agent_last_seen_at: sec(conv.agent_last_seen),
    messages: store.messagesOf(conv.id).filter(isChat).map((m) => messageRest(store, m, origin)),
    contact: contactRow(/** @type {Contact} */ (store.contact(conv.contact_id))),
  };
}
