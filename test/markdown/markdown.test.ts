import {expect} from '@open-wc/testing';
import {render} from 'lit';
import {markdown, plain, safeUrl} from '../../src/markdown/markdown.js';
import {assertSafe} from '../components/fixtures.js';

const md = (src: string) => {
  const div = document.createElement('div');
  render(markdown(src), div);
  assertSafe(div);
  return div;
};
const links = (d: Element) => [...d.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);

describe('markdown', () => {
  it('renders bold, italic and inline code', () => {
    const d = md('**b1** __b2__ *i1* _i2_ `a <b> c`');
    expect([...d.querySelectorAll('strong')].map((e) => e.textContent)).to.deep.equal(['b1', 'b2']);
    expect([...d.querySelectorAll('em')].map((e) => e.textContent)).to.deep.equal(['i1', 'i2']);
    expect(d.querySelector('code')!.textContent).to.equal('a <b> c');
    expect(d.querySelector('b')).to.be.null;
  });

  it('nests emphasis and leaves snake_case alone', () => {
    const d = md('**bold _and italic_** snake_case_name 2*3*4');
    expect(d.querySelector('strong em')!.textContent).to.equal('and italic');
    expect(d.textContent).to.contain('snake_case_name');
  });

  it('renders fenced code blocks verbatim', () => {
    const d = md('before\n```js\nconst a = "<b>**x**</b>";\n\nline\n```\nafter');
    const pre = d.querySelector('pre code')!;
    expect(pre.textContent).to.equal('const a = "<b>**x**</b>";\n\nline');
    expect(pre.querySelector('strong')).to.be.null;
    expect([...d.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['before', 'after']);
  });

  it('renders an unclosed fence to the end', () => {
    expect(md('```\ncode **x**').querySelector('pre')!.textContent).to.equal('code **x**');
  });

  it('renders links and bare URLs in a new tab, safely', () => {
    const d = md('See [the docs](https://a.test/x?y=1) or https://b.test/path, or [mail](mailto:hi@a.test).');
    expect(links(d)).to.deep.equal([
      ['the docs', 'https://a.test/x?y=1'],
      ['https://b.test/path', 'https://b.test/path'],
      ['mail', 'mailto:hi@a.test'],
    ]);
    for (const a of d.querySelectorAll('a')) {
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
    }
  });

  it('renders ordered and unordered lists', () => {
    const d = md('Steps:\n1. one\n2. **two**\n\n- a\n* b\n+ c');
    expect(d.querySelector('p')!.textContent).to.equal('Steps:');
    expect([...d.querySelectorAll('ol li')].map((l) => l.textContent)).to.deep.equal(['one', 'two']);
    expect(d.querySelector('ol li strong')).to.exist;
    expect([...d.querySelectorAll('ul li')].map((l) => l.textContent)).to.deep.equal(['a', 'b', 'c']);
    expect(md('3. three\n4. four').querySelector('ol')!.getAttribute('start')).to.equal('3');
  });

  it('renders paragraphs and line breaks', () => {
    const d = md('one\ntwo\r\n\r\n\nthree');
    const ps = d.querySelectorAll('p');
    expect(ps).to.have.length(2);
    expect(ps[0].querySelectorAll('br')).to.have.length(1);
    expect(ps[1].textContent).to.equal('three');
  });

  it('keeps HTML as text', () => {
    const d = md('<script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a>');
    expect(d.querySelector('img,a,script')).to.be.null;
    expect(d.textContent).to.contain('<script>alert(1)</script>');
  });

  it('renders links with unsafe schemes as plain text', () => {
    for (const u of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.test/x',
      '/relative',
    ]) {
      const d = md(`[click](${u}) and <${u}>`);
      expect(d.querySelector('a'), u).to.be.null;
      expect(d.textContent).to.contain('click');
    }
    expect(md('[x](javascript:alert(1))').querySelector('a')).to.be.null;
  });

  it('copes with nested brackets and unclosed markers', () => {
    const d = md('[a [b](https://b.test)](https://c.test) **open *half `tick [x](');
    expect(links(d)).to.deep.equal([
      ['b', 'https://b.test/'],
      ['https://c.test', 'https://c.test/'],
    ]);
    expect(d.textContent).to.contain('**open *half `tick [x](');
    const nested = md('[**bold** https://x.test](https://y.test)');
    expect(nested.querySelectorAll('a')).to.have.length(1);
    expect(nested.querySelector('a strong')).to.exist;
  });

  it('renders 150,000 hostile characters in reasonable time', () => {
    const inputs = [
      '*a '.repeat(50_000),
      '**a '.repeat(37_500),
      '__a '.repeat(37_500),
      ' _a'.repeat(50_000),
      '**a *b '.repeat(21_000),
      'x'.repeat(150_000),
      '**'.repeat(75_000),
      '['.repeat(150_000),
      '[a]('.repeat(37_500),
      '_a'.repeat(75_000),
      'http://' + 'a'.repeat(149_993),
      ('`x'.repeat(1000) + '\n').repeat(75),
      '- ' + '*'.repeat(149_998),
    ];
    for (const src of inputs) {
      const t0 = performance.now();
      md(src);
      expect(performance.now() - t0, src.slice(0, 10)).to.be.below(1500);
    }
  });
});

describe('plain', () => {
  it('keeps the text as is, with line breaks', () => {
    const div = document.createElement('div');
    render(plain('**a**\n<b>x</b>\nhttps://a.test'), div);
    expect(div.querySelectorAll('br')).to.have.length(2);
    expect(div.querySelector('strong,b,a')).to.be.null;
    expect(div.textContent).to.equal('**a**<b>x</b>https://a.test');
  });
});

describe('safeUrl', () => {
  it('allows http, https and mailto by default, and returns the normalised URL', () => {
    expect(safeUrl('HTTPS://A.test')).to.equal('https://a.test/');
    expect(safeUrl('mailto:a@b.test')).to.equal('mailto:a@b.test');
    expect(safeUrl('javascript:alert(1)')).to.equal('');
    expect(safeUrl('not a url')).to.equal('');
    expect(safeUrl('blob:https://a.test/1', /^(https?|blob):$/)).to.equal('blob:https://a.test/1');
    expect(safeUrl('mailto:a@b.test', /^(https?|blob):$/)).to.equal('');
  });
});
