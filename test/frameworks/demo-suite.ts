// The React and Vue examples show the same page (buttons, connection, unread count, a log of
// messages) bound to <akece-chat> through properties and `akece-*` events; one suite tests both,
// built as an application would build them, against the real local server.
import {expect} from '@open-wc/testing';
import {startServer, stopServer, type TestServer} from '../helpers/server.js';
import {agent, button, loadDemo, panel, text, until, widget, type MountedDemo} from './helpers.js';

export function describeDemo(name: 'react' | 'vue', title: string) {
  describe(`${title} example (demo/${name})`, function () {
    this.timeout(60000);
    let server: TestServer;
    let host: HTMLElement;
    let app: MountedDemo;

    beforeEach(async () => {
      server = await startServer();
      host = document.createElement('div');
      document.body.append(host);
      const mount = await loadDemo(name);
      app = mount(host, {baseUrl: server.url, inboxIdentifier: 'demo-inbox'});
      await until(() => widget(host)?.updateComplete, 'the widget');
    });

    afterEach(async () => {
      app.unmount();
      host.remove();
      sessionStorage.clear();
      localStorage.clear();
      await stopServer(server);
    });

    it('sets the configuration as properties, with their types, not as attributes', async () => {
      const el = widget(host);
      expect(customElements.get('akece-chat')).to.equal(el.constructor);
      expect(el.baseUrl).to.equal(server.url);
      expect(el.inboxIdentifier).to.equal('demo-inbox');
      expect(el.presenceInterval).to.equal(20);
      expect(el.open).to.equal(false);
      // Attribute-only bindings (`storage`, `header-title`) still reach the element's properties.
      expect(el.storage).to.equal('session');
      expect(el.headerTitle).to.equal('Northwind support');
      for (const attr of ['baseurl', 'inboxidentifier', 'presenceinterval', 'open']) expect(el.hasAttribute(attr), attr).to.equal(false);
      expect(el.connectionState).to.equal('idle');
      expect(text(host, 'connection')).to.equal('idle');
    });

    it('opens and closes from framework state, and follows the widget through akece-open-change', async () => {
      const el = widget(host);
      button(host, /Open the chat/).click();
      await until(() => el.open && panel(el)?.hidden === false, 'the panel to open');
      expect(el.hasAttribute('open')).to.equal(true); // reflected by the element itself

      el.hide(); // as the visitor closing the panel: the page's state follows the event
      await until(() => button(host, /Open the chat/), 'the page to see the panel closed');
      expect(el.open).to.equal(false);

      button(host, /Theme: light/).click();
      await until(() => el.theme === 'dark', 'the theme property');
      expect(el.getAttribute('theme')).to.equal('dark');
    });

    it('receives akece-message, akece-connection-change and akece-unread-change with their details', async () => {
      const el = widget(host);
      button(host, /Ask about my order/).click(); // calls el.sendMessage() through a ref
      await until(() => text(host, 'log').includes('visitor: Where is my order?'), "the visitor's message in the log");
      await until(() => text(host, 'connection') === 'connected', 'the connection state');
      expect(text(host, 'unread')).to.equal('0');

      const conversation = await agent(server).only();
      await agent(server).reply(conversation.id, 'It ships tomorrow.');
      await until(() => text(host, 'log').includes('agent: It ships tomorrow.'), "the agent's reply in the log");
      await until(() => text(host, 'unread') === '1', 'the unread count'); // the panel is closed
      expect(el.unreadCount).to.equal(1);
      const sent = await agent(server).messages(conversation.id);
      expect(sent.map((m) => m.content)).to.deep.equal(['Where is my order?', 'It ships tomorrow.']);

      button(host, /Open the chat/).click();
      await until(() => text(host, 'unread') === '0', 'the unread count after opening');
    });
  });
}
