// Adds <akece-chat> with the attributes given in the page's query string (?base-url=…&storage=…),
// once, so that a reload of the frame brings the same configuration back.
const params = new URLSearchParams(location.search);
const times = Number(params.get('scripts') || 1);
for (let i = 1; i < times; i++) {
  // Some sites include the widget twice (a theme and a plugin): load the bundle again.
  const again = document.createElement('script');
  again.src = '/dist/akece-chat.js';
  document.head.append(again);
}
const el = document.createElement('akece-chat');
for (const [name, value] of params) if (name !== 'scripts') el.setAttribute(name, value);
document.body.append(el);
