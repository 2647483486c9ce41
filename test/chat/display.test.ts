import {expect, fixture, html} from '@open-wc/testing';
import {emulateMedia, setViewport} from '@web/test-runner-commands';
import sinon from 'sinon';
import type {AkeceChat} from '../../src/chat/chat.js';
import {fakeSockets} from '../../src/protocol/testing.js';
import {richReady} from '../../src/components/message/load-rich.js';
import '../../src/define.js'; // registers the elements (guarded, as on a page)

// How the widget holds up on screens that are not the designer's. Text at 200 % zoom without loss
// (WCAG 1.4.4) and reflow (1.4.10): browser zoom shrinks the
// viewport in CSS pixels, so a 1280×800 screen at 200 % is a 640×400 viewport and at 400 % a
// 320×200 one. In each, the open panel fits the viewport and nothing in it is cut off sideways:
// long words, long names, Markdown code and the header wrap or scroll inside the log. Fields are
// 16 px or more (phones zoom into smaller ones), and nothing moves (reduced motion holds).

const BASE = 'https://akece.test';
const json = (body: unknown) => new Response(JSON.stringify(body), {headers: {'content-type': 'application/json'}});
const wire = (id: number, content: string, name = 'Priya Nair') => ({
  id,
  content,
  conversation_id: 87,
  message_type: 1,
  created_at: 1781692380 + id,
  sender: {id: 7, name, type: 'user'},
});

describe('<akece-chat> on other screens', function () {
  this.timeout(30000);
  let realWebSocket: typeof WebSocket;

  before(() => richReady());
  beforeEach(() => {
    localStorage.setItem(`akece-chat:${BASE}:inbox`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: 'tok-1'}}));
    realWebSocket = window.WebSocket;
    (window as unknown as {WebSocket: unknown}).WebSocket = fakeSockets().WebSocket;
    sinon.stub(window, 'fetch').callsFake(async (input) => {
      const url = String(input);
      if (url.endsWith('/conversations')) return json([{id: 87, status: 'open'}]);
      if (url.includes('/messages'))
        return json([
          wire(1, 'A sentence of ordinary length that has to wrap over several lines when the panel is narrow.'),
          wire(2, 'https://example.com/a/very/long/path/without/any/break/opportunities/at/all/for/the/browser/to/use'),
          wire(3, 'Try `npm install --save-dev @akece/some-really-long-package-name-here` and **restart**'),
          wire(4, 'Supercalifragilisticexpialidocious'.repeat(4), 'Bartholomew Maximilian Fitzgerald-Montgomery'),
          {...wire(5, 'Your email?'), content_type: 'input_email'},
          {...wire(6, 'How did we do?'), content_type: 'input_csat', content_attributes: {display_type: 'star'}},
        ]);
      return json({});
    });
  });
  afterEach(async () => {
    sinon.restore();
    window.WebSocket = realWebSocket;
    localStorage.clear();
    await setViewport({width: 800, height: 600});
    await emulateMedia({reducedMotion: 'no-preference'});
  });

  /** Waits for `condition`, polling once a frame (fails after 5 s). */
  const until = async (condition: () => unknown, what: string) => {
    const end = performance.now() + 5000;
    while (!condition()) {
      if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => requestAnimationFrame(r));
    }
  };

  /** Every element in the widget, through nested shadow roots. */
  const all = (root: ShadowRoot): Element[] =>
    [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? all(e.shadowRoot) : [])]);

  const open = async (font = '') => {
    const el = await fixture<AkeceChat>(html`<akece-chat base-url=${BASE} inbox-identifier="inbox" open style=${font ? `--akece-font-family: '${font}'` : ''}></akece-chat>`);
    // the history has loaded and the bot forms are drawn (the rich-content module's render)
    await until(() => all(el.shadowRoot!).some((n) => n.matches('.rating')), 'the history with its forms');
    // and the composer, which comes once the inbox says nothing must be asked first (contract §11)
    await until(() => el.shadowRoot!.querySelector('akece-composer'), 'the composer');
    return el;
  };

  // The same layout must hold whatever fonts the visitor's machine has: Noto's wider metrics
  // once pushed the rating form 20–30 px out of a 320 px viewport where DejaVu fitted.
  const FONTS = ['DejaVu Sans', 'Noto Sans'];
  // `document.fonts.check` answers true for a font the machine lacks (no face to load), so a
  // missing family is found by measuring: text in an installed family measures the same
  // whatever fallback follows it; text in a missing one takes each fallback's width.
  const installed = (font: string) => {
    const context = document.createElement('canvas').getContext('2d')!;
    const widthWith = (fallback: string) => {
      context.font = `16px "${font}", ${fallback}`;
      // (Letters every Latin font has: a glyph the font lacks would fall back on its own.)
      return context.measureText('Rating form, 44 px targets').width;
    };
    return widthWith('monospace') == widthWith('serif');
  };
  before(async () => {
    for (const font of FONTS) {
      await document.fonts.load(`16px "${font}"`);
      expect(installed(font), `${font} is installed (.ci/run installs it)`).to.be.true;
    }
  });

  for (const font of FONTS)
    for (const [zoom, width, height] of [
      ['200 %', 640, 400],
      ['400 %', 320, 200],
    ] as const) {
      it(`fits the viewport and cuts nothing off at ${zoom} (${width}×${height} CSS px) in ${font}`, async () => {
        await setViewport({width, height});
        const el = await open(font);
        const root = el.shadowRoot!;
        const list = root.querySelector('akece-message-list')!;
        expect(getComputedStyle(list.shadowRoot!.querySelector('[part=message]')!).fontFamily).to.contain(font);

        const panel = root.querySelector('[part~=panel]')!.getBoundingClientRect();
        expect(panel.left, 'panel left').to.be.at.least(0);
        expect(panel.right, 'panel right').to.be.at.most(innerWidth + 0.5);
        expect(panel.width, 'panel width').to.be.greaterThan(0);
        const log = list.shadowRoot!.querySelector<HTMLElement>('[part=messages]')!;
        // The log renders the rows near its view: scroll through it, checking at every stop.
        const checked = new Set<string>();
        const cut: string[] = [];
        log.scrollTop = 0;
        for (let stop = 0; stop < 50; stop++) {
          await new Promise((r) => requestAnimationFrame(r));
          const nodes = all(root);
          for (const n of nodes) if (n.getAttribute('part') == 'message') checked.add((n as HTMLElement).dataset.key!);
          // Nothing wider than its box (the log itself may scroll up and down, not sideways).
          const shown = nodes.filter((n): n is HTMLElement => n instanceof HTMLElement && n.offsetParent != null && n.clientWidth > 0);
          expect(shown.length, 'elements checked').to.be.greaterThan(10);
          for (const n of shown)
            if (getComputedStyle(n).overflowX != 'auto' && n.scrollWidth > n.clientWidth + 1) cut.push(`${n.tagName.toLowerCase()}.${n.className}: ${n.scrollWidth} > ${n.clientWidth}`);
          expect(log.scrollWidth, 'no sideways scrolling in the log').to.be.at.most(log.clientWidth + 1);
          if (log.scrollTop + log.clientHeight >= log.scrollHeight - 1) break;
          log.scrollTop += log.clientHeight / 2;
        }
        expect([...new Set(cut)]).to.deep.equal([]);
        expect(checked.size, 'messages checked').to.equal(6);
        // The composer and its send button stay on screen.
        const nodes = all(root);
        for (const name of ['composer', 'send-button']) {
          const r = nodes.find((n) => n.getAttribute('part') == name)!.getBoundingClientRect();
          expect(r.right, name).to.be.at.most(innerWidth + 0.5);
          expect(r.bottom, name).to.be.at.most(innerHeight + 0.5);
          expect(r.width, name).to.be.greaterThan(0);
        }
      });
    }

  it('has fields of 16 px or more, so phones do not zoom in on focus', async () => {
    const el = await open();
    const fields = all(el.shadowRoot!).filter((n) => n.matches('input:not([type=radio]), textarea'));
    // the composer, the bot's email field, the rating's feedback box
    expect(fields.length).to.be.at.least(3);
    for (const f of fields) expect(parseFloat(getComputedStyle(f).fontSize), f.outerHTML.slice(0, 60)).to.be.at.least(16);
  });

  it('moves nothing when the visitor asks for reduced motion', async () => {
    await emulateMedia({reducedMotion: 'reduce'});
    const el = await open();
    const nodes = [el, ...all(el.shadowRoot!)];
    const moving = nodes.filter((n) => {
      const c = getComputedStyle(n);
      return c.animationName != 'none' || parseFloat(c.transitionDuration) > 0 || c.scrollBehavior == 'smooth';
    });
    expect(nodes.length).to.be.greaterThan(20);
    expect(moving.map((n) => n.tagName)).to.deep.equal([]);
  });
});
