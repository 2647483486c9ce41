// The agent console: a thin page over the agent API (/agent/api/…) and its event stream.
// Everything from the server is shown as text; no HTML is built from strings.

const API = '/agent/api';
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

/** @type {Map<number, any>} */
const conversations = new Map();
/** @type {Map<number, any>} messages of the open conversation, by id */
let messages = new Map();
/** @type {number | null} */
let current = null;
/** @type {number | null} */
let editing = null;
/** @type {Map<number, number>} conversation id → typing timeout */
const typing = new Map();
let typingOn = false;
let typingPrivate = false;
/** @type {number | undefined} */
let typingIdle;

/**
 * Build an element; children are nodes or text.
 * @param {string} tag @param {Record<string, any>} [props] @param {...(Node | string | null | false | undefined)} children
 */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/** @param {string} path @param {{method?: string, body?: unknown}} [init] */
async function api(path, {method = 'GET', body} = {}) {
  const form = body instanceof FormData;
  const res = await fetch(API + path, {
    method,
    headers: body === undefined || form ? {} : {'content-type': 'application/json'},
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  const json = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(json?.message ?? json?.error ?? `HTTP ${res.status}`);
  return json;
}

/** @param {unknown} err */
function showError(err) {
  $('error').textContent = err instanceof Error ? err.message : String(err);
  $('error').hidden = false;
}
const clearError = () => ($('error').hidden = true);

const safeUrl = (/** @type {unknown} */ url) => (typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null);
const time = (/** @type {number} */ s) => new Date(s * 1000).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});

// ---- conversation list -------------------------------------------------------------------

function renderList() {
  const list = [...conversations.values()].sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id);
  $('empty').hidden = list.length > 0;
  $('conversations').replaceChildren(
    ...list.map((c) => {
      const last = c.messages[0];
      const preview = last ? (last.content ?? (last.attachments ? 'Attachment' : '')) : 'No messages yet';
      return h(
        'li',
        {},
        h(
          'button',
          {type: 'button', class: `conv${c.id === current ? ' active' : ''}`, 'aria-current': c.id === current ? 'true' : undefined, onclick: () => open(c.id)},
          h('span', {class: 'who'}, c.meta.sender.name, c.unread_count ? h('span', {class: 'badge', 'aria-label': `${c.unread_count} unread`}, String(c.unread_count)) : null),
          h('span', {class: `pill ${c.status}`}, c.status),
          h('span', {class: 'preview'}, preview.slice(0, 80)),
          typing.has(c.id) ? h('span', {class: 'hint'}, 'typing…') : null
        )
      );
    })
  );
}

async function loadList() {
  const list = await api('/conversations');
  conversations.clear();
  for (const c of list) conversations.set(c.id, c);
  renderList();
}

let listTimer = 0;
const refreshList = () => {
  clearTimeout(listTimer);
  listTimer = window.setTimeout(() => loadList().catch(showError), 150);
};

// ---- one conversation --------------------------------------------------------------------

/** @param {number} id */
async function open(id) {
  cancelEdit();
  await stopTyping();
  current = id;
  $('thread').hidden = false;
  const list = await api(`/conversations/${id}/messages`);
  if (current !== id) return;
  messages = new Map(list.map((/** @type {any} */ m) => [m.id, m]));
  const conv = await api(`/conversations/${id}/seen`, {method: 'POST'});
  conversations.set(id, conv);
  renderThread();
  renderList();
  $('text').focus();
}

/** @param {any} m */
function renderMessage(m) {
  const own = m.message_type !== 0;
  const deleted = Boolean(m.content_attributes?.deleted);
  const kind = m.private ? 'note' : m.message_type === 3 ? 'template' : m.sender_type === 'AgentBot' ? 'bot' : own ? 'out' : 'in';
  const who = m.private ? 'Private note' : m.sender?.name ?? (m.message_type === 3 ? 'Template' : 'System');
  const attrs = m.content_attributes ?? {};
  const extra = [];
  if (m.content_type !== 'text') extra.push(h('span', {class: 'hint'}, m.content_type));
  if (Array.isArray(attrs.items)) {
    extra.push(h('ul', {class: 'items'}, ...attrs.items.map((/** @type {any} */ it) => h('li', {}, String(it.title ?? it.label ?? it.value ?? '')))));
  }
  if (attrs.submitted_values !== undefined) extra.push(h('p', {class: 'answer'}, `Answer: ${JSON.stringify(attrs.submitted_values)}`));
  for (const a of m.attachments ?? []) {
    const url = safeUrl(a.data_url);
    const thumb = safeUrl(a.thumb_url);
    if (!url) continue;
    extra.push(
      h('a', {href: url, target: '_blank', rel: 'noopener noreferrer', class: 'attachment'}, thumb ? h('img', {src: thumb, alt: `Attachment ${a.id}`}) : `📎 ${a.extension ?? 'file'} · ${a.file_size} bytes`)
    );
  }
  const actions =
    own && !deleted && m.sender_type === 'User'
      ? h('span', {class: 'actions'}, h('button', {type: 'button', onclick: () => startEdit(m)}, 'Edit'), h('button', {type: 'button', onclick: () => remove(m)}, 'Delete'))
      : null;
  return h(
    'li',
    {class: `msg ${kind}${deleted ? ' deleted' : ''}`, 'data-id': m.id},
    h('span', {class: 'meta'}, `${who} · ${time(m.created_at)}`, own && !m.private ? ` · ${m.status}` : ''),
    h('p', {class: 'content'}, m.content ?? ''),
    ...extra,
    actions
  );
}

function renderThread() {
  const conv = current === null ? null : conversations.get(current);
  if (!conv) return;
  const contact = conv.meta.sender;
  $('contact-name').textContent = contact.name;
  $('contact-meta').textContent = [contact.email, contact.phone_number, `conversation #${conv.id}`].filter(Boolean).join(' · ');
  $('status').textContent = conv.status;
  $('status').className = `pill ${conv.status}`;
  $('toggle-status').textContent = conv.status === 'resolved' ? 'Reopen' : 'Resolve';
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren(...[...messages.values()].sort((a, b) => a.created_at - b.created_at || a.id - b.id).map(renderMessage));
  if (atBottom) list.scrollTop = list.scrollHeight;
  $('typing').hidden = !typing.has(conv.id);
  $('typing').textContent = `${contact.name} is typing…`;
}

// ---- actions -------------------------------------------------------------------------------

/** @param {boolean} on */
async function setTyping(on) {
  if (current === null || (on === typingOn && typingPrivate === $('private').checked)) return;
  if (on && typingOn) await api(`/conversations/${current}/typing`, {method: 'POST', body: {on: false, private: typingPrivate}});
  typingOn = on;
  typingPrivate = $('private').checked;
  await api(`/conversations/${current}/typing`, {method: 'POST', body: {on, private: typingPrivate}});
}
async function stopTyping() {
  clearTimeout(typingIdle);
  if (typingOn) await setTyping(false).catch(() => {});
}

async function send() {
  if (current === null) return;
  const text = $('text').value;
  const files = /** @type {FileList} */ ($('file').files);
  if (!text.trim() && !files.length) return;
  clearError();
  if (editing !== null) {
    await api(`/conversations/${current}/messages/${editing}`, {method: 'PATCH', body: {content: text}});
    cancelEdit();
    return;
  }
  await stopTyping();
  let body;
  if (files.length) {
    body = new FormData();
    if (text.trim()) body.append('content', text);
    body.append('private', String($('private').checked));
    for (const f of files) body.append('attachments[]', f, f.name);
  } else {
    body = {content: text, private: $('private').checked};
  }
  const m = await api(`/conversations/${current}/messages`, {method: 'POST', body});
  messages.set(m.id, m);
  $('text').value = '';
  $('file').value = '';
  $('file-name').textContent = '';
  renderThread();
}

/** @param {any} m */
function startEdit(m) {
  editing = m.id;
  $('editing-id').textContent = `#${m.id}`;
  $('editing').hidden = false;
  $('text').value = m.content ?? '';
  $('send').textContent = 'Save';
  $('text').focus();
}
function cancelEdit() {
  editing = null;
  $('editing').hidden = true;
  $('send').textContent = 'Send';
  $('text').value = '';
}

/** @param {any} m */
async function remove(m) {
  if (current === null || !window.confirm('Delete this message for everyone?')) return;
  await api(`/conversations/${current}/messages/${m.id}`, {method: 'DELETE'});
}

/** Ready-made bot messages, one per kind the widget can render. */
const BOT = /** @type {Record<string, () => Record<string, unknown>>} */ ({
  input_select: () => ({
    content: 'What can we help you with?',
    content_attributes: {items: [{title: 'Where is my order?', value: 'order'}, {title: 'Returns and exchanges', value: 'returns'}, {title: 'Something else', value: 'other'}]},
  }),
  input_email: () => ({content: 'Leave your email and we will get back to you.'}),
  input_csat: () => ({content: 'Please rate the conversation', message_type: 'template', content_attributes: {display_type: 'emoji'}}),
  cards: () => ({
    content: 'You might also like',
    content_attributes: {
      items: [
        {title: 'Trail Runner 2', description: 'Light, grippy trail shoe · €129', media_url: `${location.origin}/shop/shoe.svg`, actions: [{text: 'View product', type: 'link', uri: `${location.origin}/`}]},
        {title: 'Merino running socks', description: 'Three pairs · €29', media_url: '', actions: [{text: 'View product', type: 'link', uri: `${location.origin}/`}]},
      ],
    },
  }),
  article: () => ({
    content: 'These articles may help',
    content_attributes: {
      items: [
        {title: 'How to find your size', description: 'Measure your foot in two minutes.', link: 'https://example.com/help/sizing'},
        {title: 'Returns within 30 days', description: 'Free returns, step by step.', link: 'https://example.com/help/returns'},
      ],
    },
  }),
});

async function sendBot() {
  if (current === null) return;
  const kind = $('bot-kind').value;
  const body = {sender: 'bot', content_type: kind, ...BOT[kind]()};
  const m = await api(`/conversations/${current}/messages`, {method: 'POST', body});
  messages.set(m.id, m);
  renderThread();
}

async function toggleStatus() {
  const conv = current === null ? null : conversations.get(current);
  if (!conv) return;
  const next = await api(`/conversations/${conv.id}/status`, {method: 'POST', body: {status: conv.status === 'resolved' ? 'open' : 'resolved'}});
  conversations.set(next.id, next);
  renderThread();
  renderList();
}

// ---- live events ---------------------------------------------------------------------------

function connect() {
  const events = new EventSource(`${API}/events`);
  events.addEventListener('open', () => {
    $('link').textContent = 'Live';
    $('link').className = 'link live';
    loadList().then(() => (current !== null ? open(current) : undefined)).catch(showError);
  });
  events.addEventListener('error', () => {
    $('link').textContent = 'Reconnecting…';
    $('link').className = 'link';
  });
  events.addEventListener('conversation', (e) => {
    const conv = JSON.parse(e.data);
    conversations.set(conv.id, conv);
    renderList();
    if (conv.id === current) renderThread();
  });
  events.addEventListener('message', (e) => {
    const m = JSON.parse(e.data);
    if (m.conversation_id === current) {
      messages.set(m.id, m);
      if (m.message_type === 0) typing.delete(m.conversation_id);
      renderThread();
      if (m.message_type === 0 && document.visibilityState === 'visible') api(`/conversations/${current}/seen`, {method: 'POST'}).catch(() => {});
    }
    refreshList();
  });
  events.addEventListener('typing', (e) => {
    const {conversation_id: id, on} = JSON.parse(e.data);
    clearTimeout(typing.get(id));
    if (on) typing.set(id, window.setTimeout(() => (typing.delete(id), renderList(), renderThread()), 30000));
    else typing.delete(id);
    renderList();
    if (id === current) renderThread();
  });
  events.addEventListener('presence', (e) => ($('presence').value = JSON.parse(e.data).status));
}

// ---- wiring --------------------------------------------------------------------------------

const guard = (/** @type {() => Promise<unknown>} */ fn) => () => fn().catch(showError);

$('composer').addEventListener('submit', (/** @type {Event} */ e) => (e.preventDefault(), guard(send)()));
$('text').addEventListener('keydown', (/** @type {KeyboardEvent} */ e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) (e.preventDefault(), guard(send)());
  if (e.key === 'Escape' && editing !== null) cancelEdit();
});
$('text').addEventListener('input', () => {
  if (editing !== null) return;
  guard(() => setTyping($('text').value.length > 0))();
  clearTimeout(typingIdle);
  typingIdle = window.setTimeout(guard(stopTyping), 4000);
});
$('text').addEventListener('blur', guard(stopTyping));
$('private').addEventListener('change', () => {
  $('composer').classList.toggle('private', $('private').checked);
  if (typingOn) guard(() => setTyping(true))();
});
$('file').addEventListener('change', () => ($('file-name').textContent = [...$('file').files].map((/** @type {File} */ f) => f.name).join(', ')));
$('cancel-edit').addEventListener('click', cancelEdit);
$('bot-send').addEventListener('click', guard(sendBot));
$('toggle-status').addEventListener('click', guard(toggleStatus));
$('presence').addEventListener('change', guard(() => api('/presence', {method: 'POST', body: {status: $('presence').value}})));

api('/presence').then((p) => ($('presence').value = p.status)).catch(showError);
connect();
