import {expect} from '@open-wc/testing';
import {importAgentModule} from './kit.js';

interface MarkdownModule {
  renderMarkdown(text: string): DocumentFragment;
}

// The console's Markdown renderer on its own: hostile input never becomes markup, links are
// allow-listed, and any shape of message renders in time linear in its length.
describe('console: Markdown renderer', () => {
  let renderMarkdown: MarkdownModule['renderMarkdown'];
  before(async () => ({renderMarkdown} = await importAgentModule<MarkdownModule>('markdown.js')));

  const render = (text: string) => {
    const host = document.createElement('div');
    host.append(renderMarkdown(text));
    return host;
  };

  it('keeps raw HTML and dangerous links as text', () => {
    const inputs = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x]( javascript:alert(1) )',
      '[x](vbscript:msgbox)',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](<javascript:alert(1)>)',
      '**<iframe src=javascript:alert(1)>**',
      '`<svg onload=alert(1)>`',
      '```\n<script>alert(1)</script>\n```',
      '> <a href="javascript:alert(1)">quoted</a>',
      'javascript:alert(1)',
      '[a](https://ok.example/"onmouseover="alert(1))',
    ];
    for (const input of inputs) {
      const host = render(input);
      expect(host.querySelectorAll('script, img, iframe, svg, object, embed'), input).to.have.length(0);
      for (const link of host.querySelectorAll('a')) {
        expect(new URL(link.href).protocol, input).to.be.oneOf(['http:', 'https:', 'mailto:']);
        expect(link.getAttributeNames().sort(), input).to.deep.equal(['href', 'rel', 'target']);
      }
      for (const element of host.querySelectorAll('*')) {
        expect(element.getAttributeNames().filter((name) => name.startsWith('on')), input).to.deep.equal([]);
      }
    }
  });

  it('renders the structure agents write', () => {
    const host = render('# Title\n\n1. one\n2. two\n   - sub\n\n> quoted **bold**\n\nline one\nline two\n\n[mail](mailto:help@example.com) www.example.com');
    expect(host.querySelector('.md-heading')!.textContent).to.equal('Title');
    expect([...host.querySelectorAll('ol > li')].map((li) => li.firstChild!.textContent)).to.deep.equal(['one', 'two']);
    expect(host.querySelector('ol li ul li')!.textContent).to.equal('sub');
    expect(host.querySelector('blockquote strong')!.textContent).to.equal('bold');
    expect(host.querySelectorAll('br')).to.have.length(1);
    expect([...host.querySelectorAll('a')].map((a) => a.href)).to.deep.equal(['mailto:help@example.com', 'https://www.example.com/']);
  });

  it('renders any shape of message in time linear in its length, up to 150,000 characters', function () {
    this.timeout(120000);
    const shapes: Record<string, (size: number) => string> = {
      'short lines': (size) => 'x\n'.repeat(size / 2),
      'unclosed bold': (size) => '**a '.repeat(size / 4),
      'alternating emphasis': (size) => '*a'.repeat(size / 2),
      'nested lists': (size) => Array.from({length: size / 20}, (_, i) => `${' '.repeat((i % 12) * 2)}- item\n`).join(''),
      'unclosed links': (size) => '[a]('.repeat(size / 4),
      'brackets': (size) => '[a]'.repeat(size / 3),
      'deep quotes': (size) => '>'.repeat(size),
      'backticks': (size) => '`a'.repeat(size / 2),
      'urls': (size) => 'https://a.example/x '.repeat(size / 20),
      'underscores': (size) => 'a_b_'.repeat(size / 4),
    };
    /** The faster of two runs, so a busy machine does not decide the result. */
    const time = (text: string) => {
      let best = Infinity;
      for (let run = 0; run < 2; run++) {
        const started = performance.now();
        render(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    for (const [shape, make] of Object.entries(shapes)) {
      const small = time(make(15000));
      const large = time(make(150000));
      // Ten times the input: about ten times the time when linear (forty allows for garbage
      // collection on a busy machine), a hundred times when quadratic.
      expect(large, `${shape}: ${Math.round(small)} ms → ${Math.round(large)} ms`).to.be.below(Math.max(small * 40, 1000));
      expect(large, `${shape}: ${Math.round(large)} ms for 150,000 characters`).to.be.below(5000);
    }
  });
});
