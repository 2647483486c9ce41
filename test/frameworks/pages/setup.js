// What a site owner's snippet does before the widget's script, driven by the query string:
// `settings` (JSON for window.akeceChatSettings), `calls` (JSON array of queued calls),
// `markup` (an <akece-chat> with these attributes, JSON) and `scripts` (how many times the page
// includes the bundle, as a CMS theme plus a plugin may).
const params = new URLSearchParams(location.search);
const json = (name) => (params.has(name) ? JSON.parse(params.get(name)) : undefined);

const settings = json('settings');
if (settings) window.akeceChatSettings = settings;
window.akeceChat = window.akeceChat || [];
for (const call of json('calls') ?? []) window.akeceChat.push(call);

const markup = json('markup');
if (markup) {
  const el = document.createElement('akece-chat');
  for (const [name, value] of Object.entries(markup)) el.setAttribute(name, value);
  document.body.append(el);
}
for (let i = 1; i < Number(params.get('scripts') ?? 1); i++) {
  const again = document.createElement('script');
  again.src = '/dist/akece-chat.js';
  document.head.append(again);
}
