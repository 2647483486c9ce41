import {expect} from '@open-wc/testing';
import {agentApi, json, perTest, until, visitor} from './kit.js';

// Issues 14 and 16 in the console: a contact's conversations with their status and who
// resolved them, the status filter, the contact's details and attributes beside the thread,
// and the inbox settings (hours, CSAT, identity validation with the HMAC key, greeting).
describe('console: contacts, conversations over time, inbox settings', function () {
  this.timeout(60000);
  const t = perTest();

  const openConversation = async (id: number) => {
    await until(() => t.$(`.conv[data-id="${id}"]`), 'the conversation in the list');
    t.$<HTMLButtonElement>(`.conv[data-id="${id}"]`)!.click();
    await until(() => t.$('.messages')!.getAttribute('aria-busy') === 'false' && !t.$('.side')!.hidden, 'the thread and the contact');
  };

  it('lists a contact’s conversations with status and resolver, and filters open and resolved', async () => {
    const base = `${t.server.url}/public/api/v1/inboxes/demo-inbox`;
    const alex = await visitor(t.server, 'Alex');
    await json(`${base}/contacts/${alex.sourceId}`, 'PATCH', {custom_attributes: {plan: 'pro', company: {name: 'Acme'}}});
    await alex.say('First question');
    const second = await json<{id: number}>(`${base}/contacts/${alex.sourceId}/conversations`, 'POST', {custom_attributes: {order: 'A-1042'}});
    await json(`${base}/contacts/${alex.sourceId}/conversations/${second.id}/messages`, 'POST', {content: 'Second question'});
    await json(`${base}/contacts/${alex.sourceId}/conversations/${alex.conversationId}/toggle_status`, 'POST');

    await openConversation(second.id);
    const panel = t.$('.side')!;
    expect(panel.querySelector('h2')!.textContent).to.equal('Alex');
    expect(panel.querySelector('[data-section="contact-attributes"]')!.textContent).to.contain('plan').and.contain('pro').and.contain('{"name":"Acme"}');
    expect(panel.querySelector('[data-section="conversation-attributes"]')!.textContent).to.contain('order').and.contain('A-1042');
    const items = [...panel.querySelectorAll('[data-section="contact-conversations"] button')].map((b) => b.textContent);
    expect(items).to.have.length(2);
    expect(items.find((text) => text!.startsWith(`#${alex.conversationId}`))).to.contain('resolved by Alex');
    expect(items.find((text) => text!.startsWith(`#${second.id}`))).to.contain('open');

    // The filter.
    t.$<HTMLButtonElement>('.filters [data-filter="resolved"]')!.click();
    expect(t.$$('.conv').map((b) => Number(b.dataset.id))).to.deep.equal([alex.conversationId]);
    t.$<HTMLButtonElement>('.filters [data-filter="open"]')!.click();
    expect(t.$$('.conv').map((b) => Number(b.dataset.id))).to.deep.equal([second.id]);
    t.$<HTMLButtonElement>('.filters [data-filter="all"]')!.click();
    expect(t.$$('.conv')).to.have.length(2);

    // The agent resolves from the console: the list and the panel say who.
    t.$<HTMLButtonElement>('[data-ref="toggleStatus"]')!.click();
    await until(() => t.$(`.conv[data-id="${second.id}"] .pill`)?.textContent === 'resolved by Sam Rivera', 'the resolver in the list');
    await until(() => panel.textContent!.includes('resolved by Sam Rivera'), 'the resolver in the panel');
    // The panel opens the contact's other conversation.
    panel.querySelector<HTMLButtonElement>(`[data-section="contact-conversations"] button[data-id="${alex.conversationId}"]`)!.click();
    await until(() => t.$('.thread-head h2')!.textContent === 'Alex' && t.$('.msg.in')?.textContent?.includes('First question'), 'the other conversation');
  });

  it('edits the inbox: hours, CSAT, identity validation with its HMAC key, greeting', async () => {
    const inbox = await agentApi(t.server).get('/inbox');
    t.$<HTMLButtonElement>('[data-ref="settings"]')!.click();
    const dialog = await (async () => {
      await until(() => document.querySelector('dialog.settings[open]'), 'the settings dialog');
      return document.querySelector<HTMLDialogElement>('dialog.settings')!;
    })();
    expect(dialog.querySelector('[data-ref="hmac-token"]')!.textContent).to.equal(inbox.hmac_token);
    const input = (name: string) => dialog.querySelector<HTMLInputElement & HTMLSelectElement>(`[name="${name}"]`)!;
    input('name').value = 'Trail Shoes Support';
    input('timezone').value = 'Europe/Paris';
    input('working_hours_enabled').checked = true;
    input('mode-1').value = 'hours';
    input('open-1').value = '08:30';
    input('close-1').value = '18:00';
    input('mode-6').value = 'all-day';
    input('csat_survey_enabled').checked = true;
    input('identity_validation_enabled').checked = true;
    input('greeting_enabled').checked = true;
    input('greeting_message').value = 'Hi! We reply within the hour.';
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => !dialog.open, 'the dialog closed after saving');

    const shown = await json(`${t.server.url}/public/api/v1/inboxes/demo-inbox`);
    expect(shown.name).to.equal('Trail Shoes Support');
    expect(shown.timezone).to.equal('Europe/Paris');
    expect(shown.working_hours_enabled).to.equal(true);
    expect(shown.working_hours[1]).to.deep.equal({day_of_week: 1, closed_all_day: false, open_hour: 8, open_minutes: 30, close_hour: 18, close_minutes: 0, open_all_day: false});
    expect(shown.working_hours[6]).to.include({open_all_day: true, closed_all_day: false});
    expect(shown.working_hours[0]).to.include({closed_all_day: true, open_hour: null});
    expect(shown.csat_survey_enabled).to.equal(true);
    expect(shown.identity_validation_enabled).to.equal(true);
    expect(shown.greeting_enabled).to.equal(true);
    expect((await agentApi(t.server).get('/inbox')).greeting_message).to.equal('Hi! We reply within the hour.');

    // The signing helper gives the hash a site's server would compute.
    t.$<HTMLButtonElement>('[data-ref="settings"]')!.click();
    await until(() => dialog.open, 'the dialog again');
    input('sign_identifier').value = 'user-1042';
    [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Sign')!.click();
    const expected = (await agentApi(t.server).get(`/identifier_hash?identifier=user-1042`)).identifier_hash;
    await until(() => dialog.querySelector('[data-ref="hash"]')!.textContent === expected, 'the hash');
    expect(expected).to.match(/^[0-9a-f]{64}$/);
    dialog.close();
  });
});
