import {expect} from '@open-wc/testing';
import {cspVisit, refusedVisit, serverForSuite} from '../helpers/server.js';
import {agent, cspDirectives, onlyConversation} from './helpers.js';
import {launcherEnglish} from '../../src/i18n/en-launcher.js';

// Contract §8, as a site owner deploys it: the script tag names a CDN (another origin than the
// page), carries the page's `integrity`, and the page's CSP allows scripts from that origin only,
// no inline style, and enforces Trusted Types. The local server plays both: the page on
// 127.0.0.1, the widget's files on `localhost` (see demo/server/static.mjs, `/cdn`).
describe('e2e: from a CDN, with integrity, under a strict CSP with Trusted Types', function () {
  this.timeout(60000);
  const suite = serverForSuite();

  it('loads every chunk from the other origin, opens, connects and sends, with no violation', async () => {
    const text = 'Sent through a widget from a CDN';
    const visit = await cspVisit(`${suite.current.url}/cdn`, text);
    const cdn = suite.current.url.replace('//127.0.0.1:', '//localhost:');
    const policy = cspDirectives(visit.csp);
    expect(policy['script-src']).to.deep.equal([cdn]);
    expect(policy['style-src']).to.deep.equal(["'self'"]);
    expect(policy['require-trusted-types-for']).to.deep.equal(["'script'"]);
    expect(policy['trusted-types']).to.deep.equal(['lit-html', 'akece-chat']);

    expect(visit.violations).to.deep.equal([]);
    expect(visit.consoleErrors.filter((e) => /Content.Security.Policy|Refused to|integrity|TrustedHTML|TrustedScript/i.test(e))).to.deep.equal([]);
    expect(visit.connectionState).to.equal('connected');
    expect(visit.messages.filter((m) => m.content === text)).to.deep.equal([{content: text, status: 'sent', role: 'visitor'}]);
    // The script and the chunks it loaded (the entry, the panel, the session…) came from the CDN.
    const widgetFiles = visit.resources.filter((name) => /\/dist\/akece-chat\./.test(name));
    expect(widgetFiles.length, 'chunks loaded').to.be.at.least(3);
    expect(widgetFiles.filter((name) => !name.startsWith(`${cdn}/dist/`))).to.deep.equal([]);
    const conv = await onlyConversation(suite.current);
    expect((await agent(suite.current).messages(conv.id)).map((m) => m.content)).to.include(text);
  });

  it('loads a catalogue through the feature index, each file checked, from the other origin', async () => {
    const text = 'Gesendet über ein Widget vom CDN';
    const visit = await cspVisit(`${suite.current.url}/cdn?lang=de`, text);
    const cdn = suite.current.url.replace('//127.0.0.1:', '//localhost:');
    expect(visit.violations).to.deep.equal([]);
    expect(visit.messages.filter((m) => m.content === text)).to.have.length(1);
    // The script pins only the early chunks: the German catalogue's pin came with features.js.
    const loaded = visit.resources.filter((name) => name.startsWith(`${cdn}/dist/`)).map((name) => name.slice(`${cdn}/dist/`.length));
    expect(loaded).to.include('features.js');
    expect(loaded.some((name) => /^locales\/.*de.*\.js$/.test(name)), loaded.join(' ')).to.equal(true);
  });

  it('refuses a chunk changed on its way, says so in the panel and tells the page', async () => {
    // The panel's chunk, changed by one line between the CDN and the page.
    await agent(suite.current).fault({path: 'akece-chat.panel-view.', tamper: true, count: 5});
    const visit = await refusedVisit(`${suite.current.url}/cdn`);
    expect(visit.open).to.equal(true);
    expect(visit.composer, 'no composer from a refused chunk').to.equal(false);
    expect(visit.alert).to.equal(launcherEnglish.err_connect);
    const refused = visit.errors.filter((e) => e.code === 'module-refused');
    expect(refused, 'one akece-error for the page').to.have.length.at.least(1);
    expect(refused[0].message).to.match(/panel-view.*refused/);
  });
});
