// What happens in the demo inbox: contacts, conversations and messages change here, the store
// is saved, and the events Chatwoot would send go out, to the contact's token over ActionCable
// (never private notes) and to the agent console's stream (everything).
import {randomBytes, randomUUID} from 'node:crypto';
import {unlinkSync, writeFileSync} from 'node:fs';
import {extname} from 'node:path';
import {HttpError, invalid} from './http.mjs';
import {ACCOUNT_ID, AGENT, BOT, contactPush, conversationPush, iso, isChat, messagePush, userPush} from './shapes.mjs';
import {typeOfUpload} from './uploads.mjs';

/** @typedef {import('./store.mjs').Store} Store */
/** @typedef {import('./store.mjs').Message} Message */
/** @typedef {import('./store.mjs').Conversation} Conversation */
/** @typedef {import('./store.mjs').Contact} Contact */
/** @typedef {import('./store.mjs').ContactInbox} ContactInbox */
/** @typedef {import('./store.mjs').AgentStatus} AgentStatus */
/** @typedef {import('./multipart.mjs').Upload} Upload */
/** @typedef {(origin: string) => unknown} Build */
/** @typedef {{send: (type: string, build: Build) => void}} AgentHub */
/** @typedef {'contact' | 'agent' | 'bot' | 'template'} Author */

export const MAX_CONTENT = 150000;
export const CONTENT_TYPES = ['text', 'input_text', 'input_textarea', 'input_email', 'input_select', 'cards', 'form', 'article', 'input_csat'];
const STATUSES = ['open', 'resolved', 'pending', 'snoozed'];
const EMAIL = /^[^@\s]+@[^@\s]+$/; // Devise.email_regexp
const PHONE = /^\+[1-9]\d{1,14}$/;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ADJ = ['quiet', 'bold', 'sunny', 'misty', 'brave', 'calm', 'lively', 'gentle', 'swift', 'bright'];
const NOUN = ['river', 'meadow', 'forest', 'harbor', 'canyon', 'breeze', 'island', 'valley', 'comet', 'garden'];

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isPlainObject = (value) => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** Ruby's `Hash#deep_merge`: nested objects merge, anything else is replaced. @param {Record<string, unknown>} base @param {Record<string, unknown>} changes */
export function deepMerge(base, changes) {
  /** @type {Record<string, unknown>} */
  const out = {...base};
  for (const [key, value] of Object.entries(changes)) {
    if (key === '__proto__') continue; // JSON can name it; assigning it would change the prototype
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** @param {string} name Ruby's `String#capitalize`: first letter up, the rest down. */
const capitalize = (name) => name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();

/** `has_secure_token`: 24 base58 characters. */
const secureToken = () => [...randomBytes(24)].map((b) => BASE58[b % 58]).join('');
/** @param {unknown[]} list */
const pick = (list) => list[Math.floor(Math.random() * list.length)];
/** Conversation `updated_at` is the protocol's only float timestamp: keep a fractional part. */
const floatNow = () => Date.now() + 0.001 + Math.random() * 0.998;

/** @param {{store: Store, cable: import('./cable.mjs').Cable, agents: AgentHub, floodLimit?: number}} deps */
export function createChat({store, cable, agents, floodLimit = 200}) {
  const {data} = store;

  /** Chatwoot's availability strings; "away" is shown to contacts as "busy". */
  const availability = () => /** @type {'online' | 'busy' | 'offline'} */ ({online: 'online', away: 'busy', offline: 'offline'}[data.agentStatus]);
  /** The conversation's own contact token (typing events go only there). @param {Conversation} conv */
  const tokenOf = (conv) => /** @type {ContactInbox} */ (store.contactInbox(conv.contact_inbox_id)).pubsub_token;
  /**
   * `ActionCableListener#contact_inbox_tokens`: when the conversation's contact inbox is
   * HMAC-verified, every verified contact inbox of that contact hears it (the same visitor on
   * another device); otherwise only the conversation's own token.
   * @param {Conversation} conv
   */
  function tokensOf(conv) {
    const own = /** @type {ContactInbox} */ (store.contactInbox(conv.contact_inbox_id));
    if (!own.hmac_verified) return [own.pubsub_token];
    return data.contactInboxes.filter((ci) => ci.contact_id === conv.contact_id && ci.hmac_verified).map((ci) => ci.pubsub_token);
  }

  /** The console's view of a conversation: Chatwoot's payload plus who resolved it. @param {Conversation} conv @param {string} origin */
  const agentConversation = (conv, origin) => ({
    ...conversationPush(store, conv, origin, availability()),
    resolved_by: conv.status === 'resolved' ? conv.resolved_by ?? null : null,
    resolved_at: conv.status === 'resolved' && conv.resolved_at ? Math.floor(conv.resolved_at / 1000) : null,
  });

  /** @param {Conversation} conv @param {string} event */
  function conversationEvent(conv, event) {
    // Chatwoot re-renders these in a job: no performer, assignee availability null.
    for (const token of tokensOf(conv)) cable.broadcast(token, event, (o) => ({...conversationPush(store, conv, o), account_id: ACCOUNT_ID}));
    agents.send('conversation', (o) => agentConversation(conv, o));
  }

  /**
   * @param {Message} m @param {string} event
   * @param {{byAgent?: boolean, echoId?: string, previous?: Record<string, unknown[]>}} [opts]
   */
  function messageEvent(m, event, {byAgent = false, echoId, previous} = {}) {
    const conv = /** @type {Conversation} */ (store.conversation(m.conversation_id));
    const avail = byAgent ? availability() : null;
    /** @param {string} origin */
    const build = (origin) => {
      /** @type {Record<string, unknown>} */
      const payload = {...messagePush(store, m, origin, {availability: avail, echoId}), account_id: ACCOUNT_ID};
      if (previous) payload.previous_changes = previous;
      if (byAgent) payload.performer = userPush(avail);
      return payload;
    };
    if (isChat(m)) for (const token of tokensOf(conv)) cable.broadcast(token, event, build);
    agents.send('message', build);
  }

  /** @param {Record<string, unknown>} fields */
  function validateContact(fields) {
    if (fields.email && !EMAIL.test(String(fields.email))) throw invalid('Email Invalid email', ['email']);
    if (fields.phone_number && !PHONE.test(String(fields.phone_number))) {
      throw invalid('Phone number should be in e164 format', ['phone_number']);
    }
  }

  /**
   * An activity message (message_type 2): only agents see it, as in Chatwoot's timeline.
   * @param {Conversation} conv @param {string} content
   */
  function activity(conv, content) {
    const now = Date.now();
    /** @type {Message} */
    const m = {
      id: store.nextId('message'),
      conversation_id: conv.id,
      content,
      message_type: 2,
      content_type: 'text',
      content_attributes: {},
      private: false,
      status: 'sent',
      sender_type: null,
      sender_id: null,
      created: now,
      updated: now,
      attachments: [],
    };
    store.addMessage(m);
    messageEvent(m, 'message.created');
  }

  /**
   * Change a conversation's status. `by` is who did it: the agent (console, agent API) or the
   * contact (public `toggle_status`); it is kept as `resolved_by` and written as Chatwoot's
   * activity line. Resolving sends the CSAT survey when the inbox asks for one.
   * @param {Conversation} conv @param {import('./store.mjs').Status} status
   * @param {{by?: import('./store.mjs').Resolver}} [opts]
   */
  function setStatus(conv, status, {by = {type: 'User', id: AGENT.id, name: AGENT.name}} = {}) {
    if (!STATUSES.includes(status)) throw invalid(`Status is not included in the list`, ['status']);
    if (conv.status === status) return conv;
    conv.status = status;
    conv.updated = floatNow();
    if (status === 'resolved') {
      conv.waiting_since = null;
      conv.resolved_by = by;
      conv.resolved_at = Date.now();
    }
    store.save();
    conversationEvent(conv, 'conversation.status_changed');
    conversationEvent(conv, 'conversation.updated');
    if (status === 'resolved' || status === 'open') {
      // `conversations.activity.status.*` in Chatwoot's en.yml.
      const line =
        by.type === 'Contact'
          ? status === 'resolved' && `Conversation was resolved by ${capitalize(by.name)}`
          : status === 'resolved'
            ? `Conversation was marked resolved by ${by.name}`
            : `Conversation was reopened by ${by.name}`;
      if (line) activity(conv, line);
    }
    if (status === 'resolved') sendCsatSurvey(conv);
    store.save();
    return conv;
  }

  /**
   * `CsatSurveyService`: on resolve, when the inbox has CSAT on and the conversation has no
   * survey yet, a template message `input_csat` with Chatwoot's default text.
   * @param {Conversation} conv
   */
  function sendCsatSurvey(conv) {
    if (!data.inbox.csat_survey_enabled) return;
    if (store.messagesOf(conv.id).some((m) => m.content_type === 'input_csat')) return;
    postMessage(conv, {author: 'template', content: 'Please rate the conversation', contentType: 'input_csat', contentAttributes: {display_type: 'emoji'}});
  }

  /** Store an upload under a random key, with its real name and type. @param {Message} m @param {Upload} f */
  function attach(m, f) {
    const key = randomBytes(16).toString('hex');
    writeFileSync(store.filePath(key), f.data);
    const filename = f.filename.replace(/[/\\\u0000-\u001f]/g, '_').slice(0, 255) || 'file';
    const contentType = typeOfUpload(filename, f.mime);
    const kind = contentType.split('/')[0];
    return {
      id: store.nextId('attachment'),
      message_id: m.id,
      file_type: ['image', 'audio', 'video'].includes(kind) ? kind : 'file',
      extension: extname(filename).slice(1).toLowerCase() || null,
      content_type: contentType,
      file_size: f.data.length,
      key,
      filename,
    };
  }

  /** @param {Message} m */
  function dropFiles(m) {
    for (const a of m.attachments) {
      try {
        unlinkSync(store.filePath(a.key));
      } catch {
        // already gone
      }
    }
    m.attachments = [];
  }

  /** @param {Message} m @param {Partial<Message>} changes */
  function change(m, changes) {
    /** @type {Record<string, unknown[]>} */
    const previous = {};
    const old = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (m));
    for (const [k, v] of Object.entries(changes)) {
      if (JSON.stringify(old[k]) === JSON.stringify(v)) continue;
      previous[k] = [old[k], v];
      if (k === 'content') previous.processed_message_content = [old[k], v];
      old[k] = v;
    }
    const before = m.updated;
    m.updated = Math.max(Date.now(), before + 1);
    previous.updated_at = [iso(before), iso(m.updated)];
    return previous;
  }

  /**
   * Create a message and broadcast it; the side effects on the conversation follow Chatwoot
   * (reopen on a contact message, waiting_since, first reply, assignment on reply).
   * @param {Conversation} conv
   * @param {{author: Author, content?: unknown, echoId?: string, files?: Upload[], private?: boolean,
   *   contentType?: string, contentAttributes?: Record<string, unknown>}} input
   * @param {{save?: boolean}} [opts]
   */
  function postMessage(conv, input, {save = true} = {}) {
    const content = input.content === undefined || input.content === null ? null : String(input.content);
    if (content && content.length > MAX_CONTENT) throw invalid(`Content is too long (maximum is ${MAX_CONTENT} characters)`, ['content']);
    const contentType = input.contentType ?? 'text';
    if (!CONTENT_TYPES.includes(contentType)) throw invalid('Content type is not included in the list', ['content_type']);
    if ((input.files?.length ?? 0) > 15) throw invalid('Attachments Too many attachments', ['attachments']);
    const now = Date.now();
    if (input.author === 'contact' && floodLimit > 0) {
      const recent = store.messagesOf(conv.id).filter((m) => m.sender_type === 'Contact' && m.created >= now - 60000).length;
      if (recent >= floodLimit) throw invalid('Too many messages', ['base']);
    }
    const author = input.author;
    /** @type {Message} */
    const m = {
      id: store.nextId('message'),
      conversation_id: conv.id,
      content,
      message_type: author === 'contact' ? 0 : author === 'template' ? 3 : 1,
      content_type: contentType,
      content_attributes: replyAttributes(conv, input.contentAttributes ?? {}),
      private: Boolean(input.private) && (author === 'agent' || author === 'bot'),
      status: 'sent',
      sender_type: {contact: 'Contact', agent: 'User', bot: 'AgentBot', template: null}[author],
      sender_id: author === 'contact' ? conv.contact_id : author === 'agent' ? AGENT.id : author === 'bot' ? BOT.id : null,
      created: now,
      updated: now,
      attachments: [],
    };
    m.attachments = (input.files ?? []).map((f) => attach(m, f));
    store.addMessage(m);

    let reopened = false;
    let reopenedByContact = false;
    let touched = false;
    if (!m.private) conv.last_activity = now;
    if (author === 'contact') {
      const contact = store.contact(conv.contact_id);
      if (contact) contact.last_activity = now;
      // `Message#reopen_conversation`: a snoozed or resolved conversation opens again (an API
      // inbox without a bot; with an active bot a resolved one would go to pending).
      if (conv.status === 'resolved' || conv.status === 'snoozed') {
        if (conv.status === 'resolved') reopenedByContact = true;
        conv.status = 'open';
        conv.resolved_by = null;
        conv.resolved_at = null;
        reopened = true;
      }
      if (!conv.waiting_since) (conv.waiting_since = now), (touched = true);
    } else if (author === 'agent' && !m.private) {
      if (conv.waiting_since) (conv.waiting_since = null), (touched = true);
      if (!conv.first_reply) (conv.first_reply = now), (touched = true);
      if (!conv.assignee_id) (conv.assignee_id = AGENT.id), (touched = true);
    }
    if (reopened || touched) conv.updated = floatNow();
    if (save) store.save();
    messageEvent(m, 'message.created', {byAgent: author === 'agent', echoId: input.echoId});
    if (reopened) conversationEvent(conv, 'conversation.status_changed');
    if (reopened || touched) conversationEvent(conv, 'conversation.updated');
    // `Current.executed_by = contact` makes Chatwoot write the system line, not a person's.
    if (reopenedByContact) activity(conv, 'System reopened the conversation due to a new incoming message.');
    return m;
  }

  /**
   * `Messages::InReplyToMessageBuilder`: `in_reply_to` names a message of this conversation
   * (else it becomes null), and `in_reply_to_external_id` is that message's `source_id` (always
   * null here, where nothing comes from another channel).
   * @param {Conversation} conv @param {Record<string, unknown>} attributes
   */
  function replyAttributes(conv, attributes) {
    if (attributes.in_reply_to === undefined && attributes.in_reply_to_external_id === undefined) return attributes;
    if ((attributes.in_reply_to === null || attributes.in_reply_to === '') && !attributes.in_reply_to_external_id) return attributes;
    const id = Number(attributes.in_reply_to);
    const quoted = Number.isInteger(id) ? store.messagesOf(conv.id).find((candidate) => candidate.id === id) : undefined;
    return {...attributes, in_reply_to: quoted ? quoted.id : null, in_reply_to_external_id: null};
  }

  return {
    availability,
    /** The `presence.update` data a contact receives: only the agent, absent when offline. */
    presence: () => ({account_id: ACCOUNT_ID, users: data.agentStatus === 'offline' ? {} : {[String(AGENT.id)]: availability()}}),

    /** @param {AgentStatus} status */
    setAgentStatus(status) {
      if (!['online', 'away', 'offline'].includes(status)) throw invalid('Status is not included in the list', ['status']);
      data.agentStatus = status;
      store.save();
      agents.send('presence', () => ({status}));
      return {status};
    },

    /** `ContactInboxWithContactBuilder`. @param {Record<string, any>} f */
    createContact(f) {
      const existing = f.source_id ? store.bySourceId(String(f.source_id)) : undefined;
      if (existing) return existing;
      validateContact(f);
      const now = Date.now();
      let contact = data.contacts.find(
        (c) => (f.identifier && c.identifier === f.identifier) || (f.email && c.email === f.email) || (f.phone_number && c.phone_number === f.phone_number)
      );
      if (!contact) {
        contact = {
          id: store.nextId('contact'),
          name: f.name ? String(f.name) : `${pick(ADJ)}-${pick(NOUN)}-${100 + Math.floor(Math.random() * 900)}`,
          email: f.email ? String(f.email) : null,
          phone_number: f.phone_number ? String(f.phone_number) : null,
          identifier: f.identifier ? String(f.identifier) : null,
          custom_attributes: isPlainObject(f.custom_attributes) ? f.custom_attributes : {},
          additional_attributes: {},
          created: now,
          updated: now,
          last_activity: null,
        };
        data.contacts.push(contact);
      }
      /** @type {ContactInbox} */
      const ci = {
        id: store.nextId('contactInbox'),
        contact_id: contact.id,
        source_id: f.source_id ? String(f.source_id) : randomUUID(),
        pubsub_token: secureToken(),
        created: now,
        updated: now,
      };
      data.contactInboxes.push(ci);
      store.save();
      return ci;
    },

    /** `ContactIdentifyAction`: blanks ignored, custom attributes merged, merge on a taken email/phone. @param {ContactInbox} ci @param {Record<string, any>} f */
    updateContact(ci, f) {
      validateContact(f);
      let contact = /** @type {Contact} */ (store.contact(ci.contact_id));
      const owner = data.contacts.find(
        (c) => c !== contact && ((f.email && c.email === f.email) || (f.phone_number && c.phone_number === f.phone_number))
      );
      if (owner) {
        store.mergeContact(contact.id, owner.id);
        contact = owner;
      }
      for (const k of /** @type {const} */ (['name', 'email', 'phone_number'])) if (f[k]) contact[k] = String(f[k]);
      if (isPlainObject(f.custom_attributes)) contact.custom_attributes = deepMerge(contact.custom_attributes, f.custom_attributes);
      contact.updated = Date.now();
      store.save();
      return contact;
    },

    /** @param {ContactInbox} ci @param {unknown} customAttributes */
    createConversation(ci, customAttributes) {
      const now = Date.now();
      /** @type {Conversation} */
      const conv = {
        id: store.nextId('conversation'),
        uuid: randomUUID(),
        contact_inbox_id: ci.id,
        contact_id: ci.contact_id,
        status: 'open',
        custom_attributes: isPlainObject(customAttributes) ? customAttributes : {},
        additional_attributes: {},
        labels: [],
        assignee_id: null,
        created: now,
        updated: floatNow(),
        last_activity: now,
        waiting_since: null,
        agent_last_seen: null,
        contact_last_seen: null,
        first_reply: null,
      };
      data.conversations.push(conv);
      store.save();
      conversationEvent(conv, 'conversation.created');
      return conv;
    },

    setStatus,

    /** The contact proved its identifier (a later GET or PATCH with a valid hash). @param {ContactInbox} ci */
    markVerified(ci) {
      if (ci.hmac_verified) return;
      ci.hmac_verified = true;
      ci.updated = Date.now();
      store.save();
    },

    agentConversation,

    postMessage,

    /** Agent edit. @param {Message} m @param {{content?: unknown, content_attributes?: unknown}} f */
    editMessage(m, f) {
      /** @type {Partial<Message>} */
      const changes = {};
      if (f.content !== undefined) {
        const content = String(f.content);
        if (content.length > MAX_CONTENT) throw invalid(`Content is too long (maximum is ${MAX_CONTENT} characters)`, ['content']);
        changes.content = content;
      }
      if (f.content_attributes && typeof f.content_attributes === 'object') {
        changes.content_attributes = {...m.content_attributes, .../** @type {object} */ (f.content_attributes)};
      }
      const previous = change(m, changes);
      store.save();
      messageEvent(m, 'message.updated', {byAgent: true, previous});
      return m;
    },

    /** Agent delete, as Chatwoot does it: content replaced, attachments destroyed. @param {Message} m */
    deleteMessage(m) {
      dropFiles(m);
      const previous = change(m, {content: 'This message was deleted', content_type: 'text', content_attributes: {deleted: true}});
      store.save();
      messageEvent(m, 'message.updated', {byAgent: true, previous});
      return m;
    },

    /** The contact answers a bot or CSAT message (public PATCH). @param {Message} m @param {unknown} values */
    submitValues(m, values) {
      if (m.content_type === 'input_csat' && Date.now() - m.created > 14 * 86400000) {
        throw new HttpError(422, {error: 'You cannot update the CSAT survey after 14 days'});
      }
      /** @type {Record<string, unknown>} */
      const attrs = {...m.content_attributes, submitted_values: values};
      if (m.content_type === 'input_email') {
        const first = /** @type {any} */ (Array.isArray(values) ? values[0] : values);
        const email = first && typeof first === 'object' ? first.value ?? first.email : first;
        if (typeof email === 'string' && EMAIL.test(email)) {
          attrs.submitted_email = email;
          const contact = store.contact(/** @type {Conversation} */ (store.conversation(m.conversation_id)).contact_id);
          if (contact) (contact.email = email), (contact.updated = Date.now());
        }
      }
      const previous = change(m, {content_attributes: attrs});
      store.save();
      messageEvent(m, 'message.updated', {previous});
      return m;
    },

    /** Agent typing, public or private (the contact hears both, flagged). @param {Conversation} conv @param {boolean} on @param {boolean} isPrivate */
    agentTyping(conv, on, isPrivate) {
      const avail = availability();
      cable.broadcast(tokenOf(conv), on ? 'conversation.typing_on' : 'conversation.typing_off', (o) => ({
        conversation: conversationPush(store, conv, o, avail),
        user: userPush(avail),
        is_private: isPrivate,
        account_id: ACCOUNT_ID,
        performer: userPush(avail),
      }));
    },

    /** The contact types: only agents hear it. @param {Conversation} conv @param {boolean} on */
    contactTyping(conv, on) {
      const contact = /** @type {Contact} */ (store.contact(conv.contact_id));
      agents.send('typing', () => ({conversation_id: conv.id, on, user: contactPush(contact)}));
    },

    /** `update_last_seen`: the contact's read receipt marks agent messages read. @param {Conversation} conv */
    contactSeen(conv) {
      const now = Date.now();
      conv.contact_last_seen = now;
      const read = store
        .messagesOf(conv.id)
        .filter((m) => m.message_type !== 0 && !m.private && (m.status === 'sent' || m.status === 'delivered') && m.created <= now);
      const changes = read.map((m) => change(m, {status: 'read'}));
      store.save();
      read.forEach((m, i) => messageEvent(m, 'message.updated', {previous: changes[i]}));
    },

    /** The agent opened the conversation (no event, like Chatwoot's update_columns). @param {Conversation} conv */
    agentSeen(conv) {
      conv.agent_last_seen = Date.now();
      store.save();
      return conv;
    },
  };
}

/** @typedef {ReturnType<typeof createChat>} Chat */
