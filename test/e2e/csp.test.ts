import {expect} from '@open-wc/testing';
import {cspVisit, serverForSuite} from '../helpers/server.js';
import {agent, cspDirectives, onlyConversation} from './helpers.js';

// The demo shop as served by the local server, under its strict Content-Security-Policy, in a
// page of its own (driven from Node: the test page is on another origin): the widget opens,
// connects and sends without a single CSP violation.
describe('e2e: under a strict Content-Security-Policy', function () {
  this.timeout(60000);
  const suite = serverForSuite();

  it('opens, connects and sends on the demo shop with no CSP violation', async () => {
    const text = 'Sent under a strict CSP';
    const visit = await cspVisit(`${suite.current.url}/`, text);
    const policy = cspDirectives(visit.csp);
    expect(policy['default-src']).to.deep.equal(["'self'"]);
    expect(policy['script-src']).to.deep.equal(["'self'"]);
    expect(policy['style-src']).to.deep.equal(["'self'"]);
    expect(policy['connect-src']).to.include.members(["'self'", 'ws:', 'wss:']);
    expect(visit.csp).not.to.match(/unsafe-(inline|eval)|strict-dynamic|nonce-|sha\d+-/);
    expect(visit.violations).to.deep.equal([]);
    expect(visit.consoleErrors.filter((e) => /Content.Security.Policy|Refused to/i.test(e))).to.deep.equal([]);
    expect(visit.connectionState).to.equal('connected');
    expect(visit.messages.filter((m) => m.content === text)).to.deep.equal([{content: text, status: 'sent', role: 'visitor'}]);
    const conv = await onlyConversation(suite.current);
    expect((await agent(suite.current).messages(conv.id)).map((m) => m.content)).to.include(text);
  });
});
