// The public client API, `/public/api/v1/inboxes/{inbox_identifier}/…`, answering like
// Chatwoot's Public::Api::V1 controllers (shapes, paging, errors).
import {notFound} from './http.mjs';
import {inboxShow, processHmac} from './inbox.mjs';
import {contactCreated, contactRow, conversationRest, isChat, messageRest} from './shapes.mjs';

/** @typedef {import('./http.mjs').Ctx} Ctx */
/** @typedef {import('./http.mjs').Route} Route */

const PAGE = 20;

/**
 * @param {{store: import('./store.mjs').Store, chat: import('./chat.mjs').Chat, inboxIdentifier: string}} deps
 * @returns {Route[]}
 */
export function publicRoutes({store, chat, inboxIdentifier}) {
  const base = '^/public/api/v1/inboxes/([^/]+)';
  const contactPath = `${base}/contacts/([^/]+)`;
  const convPath = `${contactPath}/conversations/([^/]+)`;
  /** @param {string} path */
  const re = (path) => new RegExp(`${path}/?$`);

  /** @param {Ctx} ctx */
  const inbox = (ctx) => {
    if (ctx.params[0] !== inboxIdentifier) throw notFound();
  };
  /** @param {Ctx} ctx */
  const contactInbox = (ctx) => {
    inbox(ctx);
    const ci = store.bySourceId(ctx.params[1]);
    if (!ci) throw notFound();
    return ci;
  };
  /**
   * The conversations a contact inbox may see (`ConversationsController#index` /
   * `set_conversation`): its own, or, once HMAC-verified, every conversation of its contact.
   * @param {import('./store.mjs').ContactInbox} ci @param {import('./store.mjs').Conversation} conv
   */
  const visible = (ci, conv) => (ci.hmac_verified ? conv.contact_id === ci.contact_id : conv.contact_inbox_id === ci.id);
  /** @param {Ctx} ctx */
  const conversation = (ctx) => {
    const ci = contactInbox(ctx);
    const conv = /^\d+$/.test(ctx.params[2]) ? store.conversation(Number(ctx.params[2])) : undefined;
    if (!conv || !visible(ci, conv)) throw notFound();
    return conv;
  };
  /**
   * `ContactsController#process_hmac` for show and update: a valid hash marks the contact
   * inbox verified; a bad one, or none when the inbox requires it, is a 500.
   * @param {import('./store.mjs').ContactInbox} ci @param {Record<string, unknown>} params
   */
  const verify = (ci, params) => {
    if (processHmac(store.data.inbox, params)) chat.markVerified(ci);
  };
  /** @param {Ctx} ctx */
  const message = (ctx) => {
    const conv = conversation(ctx);
    const m = /^\d+$/.test(ctx.params[3]) ? store.message(Number(ctx.params[3])) : undefined;
    if (!m || m.conversation_id !== conv.id) throw notFound();
    return m;
  };
  /** @param {Ctx} ctx */
  const contactShow = (ctx) => {
    const ci = contactInbox(ctx);
    verify(ci, Object.fromEntries(ctx.url.searchParams));
    return contactCreated(ci, /** @type {import('./store.mjs').Contact} */ (store.contact(ci.contact_id)));
  };
  /** @param {Ctx} ctx */
  const contactUpdate = async (ctx) => {
    const ci = contactInbox(ctx);
    const {fields} = await ctx.body();
    verify(ci, {...Object.fromEntries(ctx.url.searchParams), ...fields});
    return contactRow(chat.updateContact(ci, fields));
  };
  /** @param {Ctx} ctx */
  const messageUpdate = async (ctx) => {
    const m = message(ctx);
    const {fields} = await ctx.body();
    return messageRest(store, chat.submitValues(m, fields.submitted_values), ctx.origin);
  };

  return [
    ['GET', re(base), (ctx) => (inbox(ctx), inboxShow(inboxIdentifier, store.data.inbox))],
    [
      'POST',
      re(`${base}/contacts`),
      async (ctx) => {
        inbox(ctx);
        const {fields} = await ctx.body();
        // Checked before the contact inbox exists, so creating never marks it verified.
        processHmac(store.data.inbox, {...Object.fromEntries(ctx.url.searchParams), ...fields});
        const ci = chat.createContact(fields);
        return contactCreated(ci, /** @type {import('./store.mjs').Contact} */ (store.contact(ci.contact_id)));
      },
    ],
    ['GET', re(contactPath), contactShow],
    ['PATCH', re(contactPath), contactUpdate],
    ['PUT', re(contactPath), contactUpdate],
    [
      'GET',
      re(`${contactPath}/conversations`),
      (ctx) => {
        const ci = contactInbox(ctx);
        return store.data.conversations.filter((c) => visible(ci, c)).map((c) => conversationRest(store, c, ctx.origin));
      },
    ],
    [
      'POST',
      re(`${contactPath}/conversations`),
      async (ctx) => {
        const ci = contactInbox(ctx);
        const conv = chat.createConversation(ci, (await ctx.body()).fields.custom_attributes);
        return conversationRest(store, conv, ctx.origin);
      },
    ],
    ['GET', re(convPath), (ctx) => conversationRest(store, conversation(ctx), ctx.origin)],
    [
      'POST',
      re(`${convPath}/toggle_status`),
      (ctx) => {
        // Only resolves; an already resolved conversation is returned unchanged. The contact
        // is the resolver (`Current.contact`).
        const conv = conversation(ctx);
        const contact = /** @type {import('./store.mjs').Contact} */ (store.contact(conv.contact_id));
        return conversationRest(store, chat.setStatus(conv, 'resolved', {by: {type: 'Contact', id: contact.id, name: contact.name}}), ctx.origin);
      },
    ],
    [
      'POST',
      re(`${convPath}/toggle_typing`),
      async (ctx) => {
        const conv = conversation(ctx);
        const status = (await ctx.body()).fields.typing_status;
        if (status === 'on' || status === 'off') chat.contactTyping(conv, status === 'on');
      },
    ],
    ['POST', re(`${convPath}/update_last_seen`), (ctx) => void chat.contactSeen(conversation(ctx))],
    [
      'GET',
      re(`${convPath}/messages`),
      (ctx) => {
        const conv = conversation(ctx);
        const before = Number(ctx.url.searchParams.get('before'));
        let list = store.messagesOf(conv.id).filter(isChat);
        if (ctx.url.searchParams.has('before') && before > 0) list = list.filter((m) => m.id < before);
        return list.slice(-PAGE).map((m) => messageRest(store, m, ctx.origin));
      },
    ],
    [
      'POST',
      re(`${convPath}/messages`),
      async (ctx) => {
        const conv = conversation(ctx);
        const {fields, files} = await ctx.body();
        const echoId = fields.echo_id === undefined || fields.echo_id === null ? undefined : String(fields.echo_id);
        const m = chat.postMessage(conv, {author: 'contact', content: fields.content, echoId, files});
        return messageRest(store, m, ctx.origin);
      },
    ],
    ['PATCH', re(`${convPath}/messages/([^/]+)`), messageUpdate],
    ['PUT', re(`${convPath}/messages/([^/]+)`), messageUpdate],
  ];
}
