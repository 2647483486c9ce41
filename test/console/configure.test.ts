import {expect} from '@open-wc/testing';

interface ConfigureModule {
  ConfigurePage: new (root: HTMLElement, site: {origin: string; inbox: string}) => {widget: HTMLElement; update(): void};
}
interface OptionsModule {
  OPTIONS: {attribute?: string; property: string}[];
}

// The settings page for site owners (/configure): a control for every setting of the element,
// a live widget that follows the form, and snippets that cannot be broken by what is typed.
describe('configure page', () => {
  let root: HTMLElement;
  let page: InstanceType<ConfigureModule['ConfigurePage']>;
  const control = <E extends HTMLElement = HTMLInputElement>(property: string) => root.querySelector<E>(`[data-property="${property}"]`)!;
  const change = (element: HTMLElement) => element.dispatchEvent(new Event('change', {bubbles: true}));
  const tag = () => root.querySelector('[data-ref="tag-snippet"]')!.textContent!;
  const settings = () => root.querySelector('[data-ref="settings-snippet"]')!.textContent!;

  beforeEach(async () => {
    const {ConfigurePage} = await import(/* @vite-ignore */ '/demo/configure/configure.js' as string) as ConfigureModule;
    root = document.createElement('div');
    document.body.append(root);
    page = new ConfigurePage(root, {origin: 'http://127.0.0.1:8080', inbox: 'demo-inbox'});
  });
  afterEach(() => root.remove());

  it('has a control for every attribute and property of the contract', async () => {
    const {OPTIONS} = await import(/* @vite-ignore */ '/demo/configure/options.js' as string) as OptionsModule;
    const attributes = OPTIONS.map((option) => option.attribute).filter(Boolean);
    for (const name of [
      'base-url', 'websocket-url', 'inbox-identifier', 'pubsub-token', 'contact-identifier', 'conversation-id', 'open', 'layout', 'position', 'theme',
      'locale', 'storage', 'presence-interval', 'header-title', 'header-subtitle', 'continue-after-resolve', 'previews', 'sound', 'notifications',
      'reply-time', 'greeting', 'away-mode', 'pre-chat', 'max-attachment-size', 'accept',
    ]) {
      expect(attributes, name).to.include(name);
    }
    expect(OPTIONS.map((option) => option.property)).to.include('preChatForm');
    for (const option of OPTIONS) expect(control(option.property), option.property).to.exist;
    // Every control has a visible label.
    for (const element of root.querySelectorAll('input, select, textarea')) {
      expect(root.querySelector(`label[for="${element.id}"]`), element.id).to.exist;
    }
  });

  it('drives the live widget and the snippets from the form', () => {
    const widget = page.widget;
    expect(widget.getAttribute('base-url')).to.equal('http://127.0.0.1:8080');
    expect(widget.getAttribute('inbox-identifier')).to.equal('demo-inbox');
    const position = control<HTMLSelectElement>('position');
    position.value = 'left';
    change(position);
    expect(widget.getAttribute('position')).to.equal('left');
    expect(tag()).to.contain('position="left"');
    expect(settings()).to.contain('"position": "left"');
    const resume = control('continueAfterResolve');
    resume.checked = true;
    change(resume);
    expect(widget.hasAttribute('continue-after-resolve')).to.equal(true);
    expect(tag()).to.match(/\n {2}continue-after-resolve\n/);
    resume.checked = false;
    change(resume);
    expect(widget.hasAttribute('continue-after-resolve')).to.equal(false);
    expect(tag()).not.to.contain('continue-after-resolve');
    // Back to the default: left out of the code.
    position.value = 'right';
    change(position);
    expect(widget.hasAttribute('position')).to.equal(false);
    expect(tag()).not.to.contain('position=');
    // Numbers are numbers in the settings form.
    const size = control('maxAttachmentSize');
    size.value = '10';
    change(size);
    expect(settings()).to.contain('"maxAttachmentSize": 10');
  });

  it('sets the pre-chat form as a property and says when its JSON is wrong', () => {
    const form = control<HTMLTextAreaElement>('preChatForm');
    form.value = '{"fields": [{"name": "email", "label": "Email", "type": "email", "required": true}]}';
    change(form);
    expect((page.widget as unknown as {preChatForm: {fields: unknown[]}}).preChatForm.fields).to.have.length(1);
    expect(tag()).to.contain("document.querySelector('akece-chat').preChatForm = {");
    expect(settings()).to.contain('"preChatForm": {');
    form.value = '{"fields": [';
    change(form);
    expect(form.getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('not valid JSON');
    expect((page.widget as unknown as {preChatForm?: unknown}).preChatForm).to.equal(undefined);
  });

  it('escapes whatever is typed, so the snippets cannot be broken out of', () => {
    const title = control('headerTitle');
    title.value = '"><script>alert(1)</script>';
    change(title);
    expect(page.widget.getAttribute('header-title')).to.equal('"><script>alert(1)</script>');
    expect(tag()).to.contain('header-title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(settings()).to.contain('"headerTitle": "\\">\\u003cscript>alert(1)\\u003c/script>"');
    expect(settings()).not.to.contain('</script>"');
    expect(root.querySelectorAll('script')).to.have.length(0);
  });
});
