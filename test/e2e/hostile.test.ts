import {expect} from '@open-wc/testing';
import {agent, onlyConversation, openWidget, perTest, shownTexts, until} from './helpers.js';

// Hostile content through the real server and socket: agent replies made with the agent API and
// frames pushed as they are with /cable/raw. Every vector tries to run `pwn()`, which sets a flag
// on the widget page's window; none may run, and nothing dangerous may reach the DOM.
const PWN = 'window.top.__pwned=1;window.__pwned=1';

const CONTENTS = [
  `<script>${PWN}</script>`,
  `<img src=x onerror="${PWN}">`,
  `<svg onload="${PWN}"><circle r=5></svg>`,
  `<iframe src="javascript:${PWN}"></iframe><object data="javascript:${PWN}"></object><embed src="javascript:${PWN}">`,
  `[x](javascript:${PWN})`,
  `[x](JaVaScRiPt:${PWN})`,
  `[x]( javascript:${PWN})`,
  `[x](%20javascript:alert(1))`,
  `[x](java\tscript:alert(1))`,
  `[x](data:text/html,<script>${PWN}</script>)`,
  `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[x](vbscript:msgbox(1))`,
  `[x](&#106;avascript:alert(1))`,
  `[x](&#x6A;avascript&#58;alert(1))`,
  `[x](javascript&colon;alert(1))`,
  `[[x](javascript:alert(1))](https://ok.example)`,
  `[a [b](javascript:alert(1)) c](javascript:alert(2))`,
  `[x](https://ok.example" onmouseover="${PWN})`,
  `**[x](javascript:alert(1))** _[y](vbscript:x)_ \`<b onclick=x>\``,
  'javascript:alert(1) and https://ok.example/"onmouseover="x',
  '```\n</code></pre><script>window.__pwned=1</script>\n```',
  '- <img src=x onerror=x>\n1. [z](javascript:alert(1))',
  `<a href="javascript:${PWN}">a</a><form action="javascript:x"><button formaction="javascript:x">b</button></form><video poster="javascript:x">`,
  '"><img src=x onerror=window.__pwned=1>',
  '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1}',
];

const BAD_URLS = [
  `javascript:${PWN}`,
  ` JaVaScRiPt:${PWN}`,
  `data:text/html,<script>${PWN}</script>`,
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${PWN}"><script>${PWN}</script></svg>`,
  'vbscript:msgbox(1)',
  '&#106;avascript:alert(1)',
];

/** Every element inside the widget, through nested shadow roots. */
function everything(host: Element): Element[] {
  const out: Element[] = [];
  const walk = (root: ShadowRoot) => {
    for (const child of root.querySelectorAll('*')) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  return out;
}

/** What is wrong in the widget's DOM: dangerous elements, handlers and URLs. */
function problems(host: Element): string[] {
  const found: string[] = [];
  for (const el of everything(host)) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link'].includes(tag)) found.push(`<${tag}>`);
    for (const {name, value} of el.attributes) {
      if (/^on/i.test(name)) found.push(`<${tag} ${name}>`);
      const v = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'srcset', 'data', 'background'].includes(name) && /^(javascript|vbscript|data):/.test(v))
        found.push(`<${tag} ${name}="${value.slice(0, 40)}">`);
      if (name == 'href' && !/^(https?|mailto|blob):/.test(v)) found.push(`<${tag} href="${value.slice(0, 40)}"> (not http/https/mailto)`);
    }
  }
  return found;
}

describe('e2e: hostile content', function () {
  this.timeout(90000);
  afterEach(() => {
    delete (window as {__pwned?: number}).__pwned;
  });
  const t = perTest();

  it('runs no script and renders no dangerous element, attribute or URL, whatever the server sends', async () => {
    t.page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox', open: ''});
    const {el, win} = t.page;
    const pwned = () => (win as unknown as {__pwned?: number}).__pwned || (window as {__pwned?: number}).__pwned;
    const bodyBefore = [...win.document.body.children];
    // (the widget's loader adds a <link rel=modulepreload> per chunk it fetches and removes it once loaded)
    const headChildren = () => [...win.document.head.children].filter((child) => !child.matches('link[rel=modulepreload][href*="/dist/"]'));
    const headBefore = headChildren();
    await until(() => el.connectionState === 'connected', 'connected');
    await el.sendMessage('Hello');
    const conv = await onlyConversation(t.server);
    const bot = agent(t.server);
    const stored = JSON.parse(win.localStorage.getItem(`akece-chat:${t.server.url}:demo-inbox`)!) as {version: number; contact: {pubsubToken: string}};
    const token = stored.contact.pubsubToken;
    const identifier = JSON.stringify({channel: 'RoomChannel', pubsub_token: token});

    // 1. Message content, as agent replies through the real server.
    for (const content of CONTENTS) await bot.reply(conv.id, content);
    // 2. Bot messages whose fields carry the vectors.
    await bot.reply(conv.id, {
      content: `<b onclick="${PWN}">pick</b>`,
      sender: 'bot',
      content_type: 'input_select',
      content_attributes: {items: [{title: `<img src=x onerror="${PWN}">`, value: `javascript:${PWN}`}, ...BAD_URLS.map((u) => ({title: u, value: u}))]},
    });
    await bot.reply(conv.id, {
      content: 'cards',
      sender: 'bot',
      content_type: 'cards',
      content_attributes: {
        items: BAD_URLS.map((u) => ({
          title: `<script>${PWN}</script>`,
          description: `<img src=x onerror="${PWN}">`,
          media_url: u,
          actions: [
            {text: 'open', type: 'link', uri: u},
            {text: '<svg onload=x>', type: 'postback', payload: u},
          ],
        })),
      },
    });
    await bot.reply(conv.id, {
      content: 'articles',
      sender: 'bot',
      content_type: 'article',
      content_attributes: {items: BAD_URLS.map((u) => ({title: `<a href="${u}">t</a>`, description: u, link: u}))},
    });
    await bot.reply(conv.id, {content: 'rate', message_type: 'template', content_type: 'input_csat', content_attributes: {display_type: `"><script>${PWN}</script>`}});

    // 3. Frames pushed as they are: sender names and avatars, attachments, hostile events.
    let id = 900000;
    const created = (data: Record<string, unknown>) =>
      bot.raw(token, {
        identifier,
        message: {
          event: 'message.created',
          data: {id: ++id, content: 'x', message_type: 1, created_at: Math.floor(Date.now() / 1000), conversation_id: conv.id, private: false, status: 'sent', content_type: 'text', content_attributes: {}, ...data},
        },
      });
    for (const u of BAD_URLS) {
      await created({
        content: `from ${id}`,
        sender: {id: id, name: `<img src=x onerror="${PWN}">${u}`, available_name: `<script>${PWN}</script>`, avatar_url: u, thumbnail: u, type: 'user'},
      });
      for (const file_type of ['image', 'audio', 'video', 'file', 'location', 'fallback'])
        await created({attachments: [{id: id, file_type, data_url: u, thumb_url: u, fallback_title: `<img src=x onerror="${PWN}">`, file_size: 10}]});
    }
    await created({content: 'data image', attachments: [{id: 1, file_type: 'image', data_url: 'data:image/png;base64,iVBORw0KGgo=', thumb_url: 'data:image/png;base64,iVBORw0KGgo='}]});
    await bot.raw(token, {identifier, message: {event: 'message.updated', data: {id: id, content: `[x](javascript:${PWN})`, message_type: 1, conversation_id: conv.id, created_at: 1}}});
    await bot.raw(token, {identifier, message: {event: 'conversation.typing_on', data: {conversation: {id: conv.id}, is_private: false, user: {id: 1, name: `<img src=x onerror="${PWN}">`, type: 'user'}}}});
    await bot.raw(token, {identifier, message: {event: 'presence.update', data: {account_id: 1, users: {'1': `<script>${PWN}</script>`}}}});
    await bot.raw(token, {identifier, message: {event: 'conversation.status_changed', data: {id: conv.id, status: `<script>${PWN}</script>`}}});
    await bot.raw(token, `<script>${PWN}</script>`);
    await bot.raw(token, {identifier, message: {event: '__proto__', data: {polluted: 1}}});
    await bot.raw(token, `{"identifier":${JSON.stringify(identifier)},"message":{"event":"message.created","data":{"__proto__":{"polluted":1},"id":1}}}`);

    // 4. A normal message after the garbage still shows.
    await bot.reply(conv.id, 'Normal reply after the garbage');
    await until(() => shownTexts(el).some((t) => t.includes('Normal reply after the garbage')), 'the normal reply', 15000);
    await new Promise((r) => setTimeout(r, 500)); // late image errors and handlers would have fired

    expect(pwned(), 'a script ran').to.equal(undefined);
    expect(({} as {polluted?: number}).polluted, 'prototype pollution').to.equal(undefined);
    expect(problems(el)).to.deep.equal([]);
    // The hostile content is there, as text.
    expect(shownTexts(el).some((t) => t.includes('<script>'))).to.equal(true);
    expect(shownTexts(el).some((t) => t.includes('onerror'))).to.equal(true);
    // Nothing was added outside the shadow root.
    expect([...win.document.body.children]).to.deep.equal(bodyBefore);
    expect(headChildren()).to.deep.equal(headBefore);
    expect(el.children.length, 'light DOM children of <akece-chat>').to.equal(0);
    expect(el.connectionState).to.equal('connected');
  });
});
