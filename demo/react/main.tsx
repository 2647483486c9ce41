// Mounts the React example. The demo page (index.html) gets the server's origin and inbox from
// <meta> tags (no inline script under the demo server's CSP); tests call `mount` themselves.
import {createRoot} from 'react-dom/client';
import {flushSync} from 'react-dom';
import {App, type AppProps} from './App.js';

export function mount(host: Element, props: AppProps) {
  const root = createRoot(host);
  const render = (next: AppProps) => flushSync(() => root.render(<App {...next} />));
  render(props);
  return {render, unmount: () => root.unmount()};
}

const host = document.getElementById('root');
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name=${name}]`)?.content.replace(/^\{\{.*/, '');
if (host) mount(host, {baseUrl: meta('akece-base-url') || location.origin, inboxIdentifier: meta('akece-inbox') || 'demo-inbox'});
