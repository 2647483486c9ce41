// The agent side of the demo: a JSON API under `/agent/api/…` (used by the agent console and
// by end-to-end tests to act as the agent) and a Server-Sent Events stream of everything that
// happens in the inbox. See README.md beside this file.
import {HttpError, invalid, notFound} from './http.mjs';
import {identifierHash, inboxSettings, newHmacToken, updateInbox} from './inbox.mjs';
import {contactRow, iso, messagePush, userPush} from './shapes.mjs';

/** @typedef {import('./http.mjs').Ctx} Ctx */
/** @typedef {import('./http.mjs').Route} Route */
/** @typedef {import('./chat.mjs').Build} Build */

const MAX_BULK = 10000;

/** SSE fan-out to every open console. */
export function createAgentHub() {
  /** @type {Set<{res: import('node:http').ServerResponse, origin: string}>} */
  const clients = new Set();
  const keepAlive = setInterval(() => {
    for (const c of clients) c.res.write(': keep-alive\n\n');
  }, 15000);
  keepAlive.unref();
  return {
    /** @param {string} type @param {Build} build */
    send(type, build) {
      /** @type {Map<string, string>} */
      const cache = new Map();
      for (const c of clients) {
        if (!cache.has(c.origin)) cache.set(c.origin, `event: ${type}\ndata: ${JSON.stringify(build(c.origin))}\n\n`);
        c.res.write(/** @type {string} */ (cache.get(c.origin)));
      }
    },
    /** @param {Ctx} ctx */
    open({req, res, origin}) {
      res.writeHead(200, {'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive'});
      res.write('retry: 1000\n\n');
      const client = {res, origin};
      clients.add(client);
      req.on('close', () => clients.delete(client));
    },
    close() {
      clearInterval(keepAlive);
      for (const c of clients) c.res.end();
      clients.clear();
    },
  };
}

/** @param {unknown} v */
const truthy = (v) => v === true || v === 'true' || v === '1' || v === 1;

/**
 * @param {{store: import('./store.mjs').Store, chat: import('./chat.mjs').Chat,
 *   cable: import('./cable.mjs').Cable, hub: ReturnType<typeof createAgentHub>, inboxIdentifier: string}} deps
 * @returns {Route[]}
 */
export function agentRoutes({store, chat, cable, hub, inboxIdentifier}) {
  const convPath = '^/agent/api/conversations/(\\d+)';
  /** @param {string} path */
  const re = (path) => new RegExp(`${path}/?$`);
  /** @param {Ctx} ctx */
  const conversation = (ctx) => {
    const conv = store.conversation(Number(ctx.params[0]));
    if (!conv) throw notFound();
    return conv;
  };
  /** @param {Ctx} ctx */
  const message = (ctx) => {
    const conv = conversation(ctx);
    const m = store.message(Number(ctx.params[1]));
    if (!m || m.conversation_id !== conv.id) throw notFound();
    return m;
  };
  /** @param {Ctx} ctx @param {import('./store.mjs').Conversation} conv */
  const convOut = (ctx, conv) => chat.agentConversation(conv, ctx.origin);
  /** @param {Ctx} ctx @param {import('./store.mjs').Message} m */
  const msgOut = (ctx, m) => messagePush(store, m, ctx.origin, {availability: m.sender_type === 'User' ? chat.availability() : null});

  /** @param {Record<string, any>} f @returns {import('./chat.mjs').Author} */
  function author(f) {
    if (f.message_type === 'template' || Number(f.message_type) === 3) return 'template';
    if (f.sender === 'bot') return 'bot';
    if (f.sender !== undefined && f.sender !== 'agent') throw invalid('Sender is not included in the list', ['sender']);
    return 'agent';
  }

  /** @param {unknown} v */
  function attributes(v) {
    if (v === undefined || v === null || v === '') return undefined;
    try {
      const out = typeof v === 'string' ? JSON.parse(v) : v;
      if (out && typeof out === 'object' && !Array.isArray(out)) return out;
    } catch {
      // reported below
    }
    throw invalid('Content attributes must be an object', ['content_attributes']);
  }

  /** A contact with its contact inboxes (devices) and conversations, for the console's side panel. @param {Ctx} ctx */
  const contactOut = (ctx) => {
    const contact = store.contact(Number(ctx.params[0]));
    if (!contact) throw notFound();
    return {
      ...contactRow(contact),
      contact_inboxes: store.data.contactInboxes
        .filter((ci) => ci.contact_id === contact.id)
        .map((ci) => ({source_id: ci.source_id, hmac_verified: Boolean(ci.hmac_verified), created_at: iso(ci.created)})),
      conversations: store.data.conversations
        .filter((conv) => conv.contact_id === contact.id)
        .sort((a, b) => b.last_activity - a.last_activity || b.id - a.id)
        .map((conv) => convOut(ctx, conv)),
    };
  };
  /** @param {Ctx} ctx @param {(inbox: import('./inbox.mjs').InboxSettings) => void} change */
  const changeInbox = (ctx, change) => {
    change(store.data.inbox);
    store.save();
    const settings = inboxSettings(inboxIdentifier, store.data.inbox);
    hub.send('inbox', () => settings);
    return settings;
  };

  return [
    ['GET', re('^/agent/api/events'), (ctx) => hub.open(ctx)],
    ['GET', re('^/agent/api/inbox'), () => inboxSettings(inboxIdentifier, store.data.inbox)],
    ['PATCH', re('^/agent/api/inbox'), async (ctx) => {
      const {fields} = await ctx.body();
      return changeInbox(ctx, (inbox) => updateInbox(inbox, fields));
    }],
    ['POST', re('^/agent/api/inbox/hmac_token'), (ctx) => changeInbox(ctx, (inbox) => void (inbox.hmac_token = newHmacToken()))],
    [
      'GET',
      re('^/agent/api/identifier_hash'),
      (ctx) => {
        const identifier = ctx.url.searchParams.get('identifier');
        if (!identifier) throw invalid('Identifier is missing', ['identifier']);
        return {identifier, identifier_hash: identifierHash(store.data.inbox.hmac_token, identifier)};
      },
    ],
    ['GET', re('^/agent/api/contacts/(\\d+)'), contactOut],
    ['GET', re('^/agent/api/presence'), () => ({status: store.data.agentStatus, agent: userPush(chat.availability())})],
    ['POST', re('^/agent/api/presence'), async (ctx) => chat.setAgentStatus((await ctx.body()).fields.status)],
    [
      'GET',
      re('^/agent/api/conversations'),
      (ctx) => [...store.data.conversations].sort((a, b) => b.last_activity - a.last_activity || b.id - a.id).map((c) => convOut(ctx, c)),
    ],
    ['GET', re(convPath), (ctx) => convOut(ctx, conversation(ctx))],
    [
      'GET',
      re(`${convPath}/messages`),
      (ctx) => {
        const conv = conversation(ctx);
        const before = Number(ctx.url.searchParams.get('before'));
        const limit = Number(ctx.url.searchParams.get('limit'));
        let list = store.messagesOf(conv.id);
        if (before > 0) list = list.filter((m) => m.id < before);
        if (limit > 0) list = list.slice(-limit);
        return list.map((m) => msgOut(ctx, m));
      },
    ],
    [
      'POST',
      re(`${convPath}/messages`),
      async (ctx) => {
        const conv = conversation(ctx);
        const {fields, files} = await ctx.body();
        const m = chat.postMessage(conv, {
          author: author(fields),
          content: fields.content,
          files,
          private: truthy(fields.private),
          contentType: fields.content_type || undefined,
          contentAttributes: attributes(fields.content_attributes),
        });
        return msgOut(ctx, m);
      },
    ],
    [
      'POST',
      re(`${convPath}/messages/bulk`),
      async (ctx) => {
        const conv = conversation(ctx);
        const {fields} = await ctx.body();
        const count = Number(fields.count);
        if (!Number.isInteger(count) || count < 1 || count > MAX_BULK) throw invalid(`Count must be between 1 and ${MAX_BULK}`, ['count']);
        const who = author(fields);
        const ids = [];
        // The broadcasts leave together (one write per socket), as a burst from a server that
        // makes them faster than this one: the page gets all of them at once.
        cable.together(() => {
          for (let i = 1; i <= count; i++) {
            const content = fields.content ? `${fields.content}` : `Message ${i} of ${count}`;
            ids.push(chat.postMessage(conv, {author: who, content}, {save: false}).id);
          }
        });
        store.save();
        return {count, ids};
      },
    ],
    [
      'PATCH',
      re(`${convPath}/messages/(\\d+)`),
      async (ctx) => {
        const m = message(ctx);
        if (m.content_attributes.deleted) throw invalid('Message was deleted', ['content']);
        const {fields} = await ctx.body();
        return msgOut(ctx, chat.editMessage(m, {content: fields.content, content_attributes: attributes(fields.content_attributes)}));
      },
    ],
    ['DELETE', re(`${convPath}/messages/(\\d+)`), (ctx) => msgOut(ctx, chat.deleteMessage(message(ctx)))],
    [
      'POST',
      re(`${convPath}/typing`),
      async (ctx) => {
        const conv = conversation(ctx);
        const {fields} = await ctx.body();
        chat.agentTyping(conv, truthy(fields.on), truthy(fields.private));
        return {};
      },
    ],
    ['POST', re(`${convPath}/status`), async (ctx) => convOut(ctx, chat.setStatus(conversation(ctx), (await ctx.body()).fields.status))],
    ['POST', re(`${convPath}/seen`), (ctx) => convOut(ctx, chat.agentSeen(conversation(ctx)))],
    [
      'POST',
      re('^/agent/api/cable/raw'),
      async (ctx) => {
        const {fields} = await ctx.body();
        if (typeof fields.pubsub_token !== 'string') throw invalid('Pubsub token is missing', ['pubsub_token']);
        const frame = typeof fields.frame === 'string' ? fields.frame : JSON.stringify(fields.frame);
        if (frame === undefined) throw new HttpError(422, {message: 'Frame is missing', attributes: ['frame']});
        return {sent: cable.raw(fields.pubsub_token, frame)};
      },
    ],
    ['POST', re('^/agent/api/cable/drop'), () => ({dropped: cable.dropAll()})],
  ];
}
