import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define-pre-chat.js';
import type {AkecePreChatForm} from '../../src/components/pre-chat/pre-chat-form.js';
import {en} from '../../src/i18n/en.js';
import {loadLocale} from '../../src/i18n/load.js';
import {DEFAULT_FORM, formFrom, type PreChatForm} from '../../src/state/pre-chat-form.js';
import type {AkecePreChatSubmitEvent} from '../../src/events/pre-chat-submit.js';
import {define, type TestHost} from './host.js';

define();

/** One field of every type, as a page would give them. */
const everyType: PreChatForm = formFrom({
  intro: 'A few details first',
  fields: [
    {name: 'name', label: 'Full name', type: 'text', required: true, placeholder: 'Ana Lima'},
    {name: 'email', label: 'Email address', type: 'email', required: true},
    {name: 'phone_number', label: 'Phone', type: 'tel'},
    {name: 'age', label: 'Age', type: 'number'},
    {name: 'notes', label: 'Notes', type: 'textarea', target: 'conversation'},
    {name: 'plan', label: 'Plan', type: 'select', required: true, options: ['free', {label: 'Pro plan', value: 'pro'}]},
    {name: 'order', label: 'Order', type: 'text', pattern: '[A-Z]{2}-\\d{4}'},
    {name: 'terms', label: 'I accept the terms', type: 'checkbox', required: true},
  ],
})!;

const mount = (form: PreChatForm = everyType, strings = en, dir = 'ltr') =>
  fixture<TestHost>(
    html`<akece-test-host
      .tpl=${html`<div dir=${dir}><akece-pre-chat-form .form=${form} .intro=${form.intro} .strings=${strings}></akece-pre-chat-form></div>`}
    ></akece-test-host>`
  );
const formOf = async (host: TestHost) => {
  const form = host.shadowRoot!.querySelector<AkecePreChatForm>('akece-pre-chat-form')!;
  await form.updateComplete;
  return form;
};
const controlOf = (form: AkecePreChatForm, index: number) => form.shadowRoot!.getElementById(`field-${index}`) as HTMLInputElement;
const type = (control: HTMLInputElement, value: string) => {
  control.value = value;
  control.dispatchEvent(new Event(control.tagName == 'SELECT' ? 'change' : 'input'));
};
const submit = async (form: AkecePreChatForm) => {
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await form.updateComplete;
};
const errorOf = (form: AkecePreChatForm, index: number) => {
  const control = controlOf(form, index);
  const describedBy = control.getAttribute('aria-describedby');
  return control.getAttribute('aria-invalid') == 'true' && describedBy ? form.shadowRoot!.getElementById(describedBy)!.textContent : null;
};

describe('<akece-pre-chat-form>', () => {
  afterEach(() => sinon.restore());

  it('renders every field type with its label, the optional ones marked, and the intro', async () => {
    const form = await formOf(await mount());
    const root = form.shadowRoot!;
    expect(root.querySelector('.intro')!.textContent).to.equal('A few details first');
    const types = everyType.fields.map((_, index) => {
      const control = controlOf(form, index);
      return control.tagName == 'INPUT' ? control.type : control.tagName.toLowerCase();
    });
    expect(types).to.deep.equal(['text', 'email', 'tel', 'number', 'textarea', 'select', 'text', 'checkbox']);
    for (const [index] of everyType.fields.entries()) expect(root.querySelector(`label[for=field-${index}]`), `label ${index}`).to.exist;
    expect(root.querySelector('label[for=field-2]')!.textContent).to.contain(en.field_optional);
    expect(root.querySelector('label[for=field-0]')!.textContent).not.to.contain(en.field_optional);
    expect(controlOf(form, 0).placeholder).to.equal('Ana Lima');
    expect(controlOf(form, 0).autocomplete).to.equal('name');
    const options = [...controlOf(form, 5).querySelectorAll('option')].map((option) => [option.value, option.textContent]);
    expect(options).to.deep.equal([
      ['', en.select_placeholder],
      ['free', 'free'],
      ['pro', 'Pro plan'],
    ]);
  });

  it('names the built-in fields in the UI language when the page gives no label', async () => {
    const strings = await loadLocale('de');
    const form = await formOf(await mount(DEFAULT_FORM, strings));
    const labels = [...form.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent!.trim());
    expect(labels).to.deep.equal([strings.field_name, strings.field_email]);
  });

  it('ties each error to its field, in the UI language, focuses the first, and follows what the visitor types', async () => {
    const strings = await loadLocale('fr');
    const form = await formOf(await mount(everyType, strings));
    const events: Event[] = [];
    form.addEventListener('akece-pre-chat-submit', (event) => events.push(event));
    await submit(form);
    expect(events).to.have.length(0);
    expect(errorOf(form, 0)).to.equal(strings.error_required);
    expect(errorOf(form, 1)).to.equal(strings.error_required);
    expect(errorOf(form, 2)).to.equal(null);
    expect(errorOf(form, 5)).to.equal(strings.error_select);
    expect(errorOf(form, 7)).to.equal(strings.error_checkbox);
    expect(form.shadowRoot!.activeElement).to.equal(controlOf(form, 0));
    expect(controlOf(form, 2).getAttribute('aria-invalid')).to.equal('false');

    type(controlOf(form, 1), 'ana@example');
    type(controlOf(form, 2), '555');
    type(controlOf(form, 6), 'ab-1');
    await form.updateComplete;
    expect(errorOf(form, 1)).to.equal(strings.error_email);
    expect(errorOf(form, 2)).to.equal(strings.error_phone);
    expect(errorOf(form, 6)).to.equal(strings.error_pattern);
    type(controlOf(form, 0), 'Ana');
    await form.updateComplete;
    expect(errorOf(form, 0)).to.equal(null);
    expect(controlOf(form, 0).hasAttribute('aria-describedby')).to.equal(false);
  });

  it('sends the answers typed: numbers as numbers, phone numbers in E.164, checkboxes as booleans', async () => {
    const form = await formOf(await mount());
    type(controlOf(form, 0), '  Ana Lima ');
    type(controlOf(form, 1), 'ana@example.com');
    type(controlOf(form, 2), '+44 (20) 7946-0958');
    type(controlOf(form, 3), '42.5');
    type(controlOf(form, 4), 'Line one\nline two');
    type(controlOf(form, 5), 'pro');
    type(controlOf(form, 6), 'AB-1234');
    controlOf(form, 7).click();
    const sent = new Promise<AkecePreChatSubmitEvent>((resolve) => form.addEventListener('akece-pre-chat-submit', resolve, {once: true}));
    await submit(form);
    const event = await sent;
    expect(event.composed).to.equal(true);
    expect(event.values).to.deep.equal({
      name: 'Ana Lima',
      email: 'ana@example.com',
      phone_number: '+442079460958',
      age: 42.5,
      notes: 'Line one\nline two',
      plan: 'pro',
      order: 'AB-1234',
      terms: true,
    });
  });

  it('keeps what the visitor typed when the form loses a field (setUser answered it)', async () => {
    const host = await mount(DEFAULT_FORM);
    const form = await formOf(host);
    type(controlOf(form, 1), 'ana@example.com');
    form.form = {...DEFAULT_FORM, fields: DEFAULT_FORM.fields.slice(1)};
    await form.updateComplete;
    expect(controlOf(form, 0).value).to.equal('ana@example.com');
  });

  it('survives remove and re-append, with no timers left', async () => {
    const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'setInterval']});
    const host = await mount();
    const form = await formOf(host);
    type(controlOf(form, 0), 'Ana');
    const parent = form.parentElement!;
    form.remove();
    expect(clock.countTimers()).to.equal(0);
    parent.append(form);
    clock.restore();
    await form.updateComplete;
    expect(controlOf(form, 0).value).to.equal('Ana');
  });

  it('is accessible in both themes, with and without errors, and right to left', async () => {
    const arabic = await loadLocale('ar');
    for (const [strings, dir] of [
      [en, 'ltr'],
      [arabic, 'rtl'],
    ] as const) {
      for (const theme of ['light', 'dark']) {
        const host = await mount(everyType, strings, dir);
        host.theme = theme;
        await host.updateComplete;
        const form = await formOf(host);
        await expect(host).to.be.accessible();
        await submit(form);
        expect(errorOf(form, 0)).to.equal(strings.error_required);
        await expect(host).to.be.accessible();
      }
    }
  });
});
