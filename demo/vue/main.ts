// Mounts the Vue example. The demo page (index.html) gets the server's origin and inbox from
// <meta> tags (no inline script under the demo server's CSP); tests call `mount` themselves.
import {createApp} from 'vue';
import App from './App.vue';

export function mount(host: Element, props: {baseUrl: string; inboxIdentifier: string}) {
  const app = createApp(App, props);
  app.mount(host);
  return {unmount: () => app.unmount()};
}

const host = document.getElementById('app');
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name=${name}]`)?.content.replace(/^\{\{.*/, '');
if (host) mount(host, {baseUrl: meta('akece-base-url') || location.origin, inboxIdentifier: meta('akece-inbox') || 'demo-inbox'});
