import {expect} from '@open-wc/testing';
import {render} from 'lit';
import {markdown, plain, plainWithLinks, safeUrl} from '../../src/markdown/markdown.js';
import {pieces} from '../../src/markdown/safe.js';
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

  it('renders paragraphs and line breaks (newlines in the text, shown by pre-line: no <br> per line)', () => {
    const d = md('one\ntwo\r\n\r\n\nthree');
    const ps = d.querySelectorAll('p');
    expect(ps).to.have.length(2);
    expect(ps[0].textContent).to.equal('one\ntwo');
    const textNodes = [...ps[0].childNodes].filter((node) => node.nodeType == Node.TEXT_NODE);
    expect(textNodes, 'one text node (the rest are Lit\'s comment markers)').to.have.length(1);
    expect(d.querySelector('br')).to.be.null;
    expect(ps[1].textContent).to.equal('three');
  });

  it('renders nested lists, quotes, headings, strikethrough, rules and tables', () => {
    const d = md('# Title\n- a\n  - b\n    1. c\n\n> q\n> > qq\n\n~~old~~ new\n\n---\n\n| x | y |\n|---|---|\n| 1 | **2** |');
    expect(d.querySelector('h1')!.textContent).to.equal('Title');
    expect(d.querySelector('ul > li > ul > li > ol > li')!.textContent).to.equal('c');
    expect(d.querySelector('blockquote > blockquote')!.textContent).to.contain('qq');
    expect(d.querySelector('s')!.textContent).to.equal('old');
    expect(d.querySelector('hr')).to.exist;
    expect([...d.querySelectorAll('th')].map((c) => c.textContent)).to.deep.equal(['x', 'y']);
    expect(d.querySelector('td strong')!.textContent).to.equal('2');
  });

  it('decodes entities and backslash escapes in text, not in code', () => {
    const d = md('&copy; &#169; &#x1F600; &amp;lt; &nosuch; \\*x\\* `&amp;`');
    expect(d.querySelector('p')!.textContent).to.equal('© © 😀 &lt; &nosuch; *x* &amp;');
    expect(d.querySelector('em')).to.be.null;
  });

  it('renders titled links, angle-bracket links, www addresses and e-mails as allow-listed links', () => {
    const d = md('[a](https://a.test "The A") <https://b.test/x> www.c.test d@e.test ![pic](https://f.test/p.png)');
    expect(links(d)).to.deep.equal([
      ['a', 'https://a.test/'],
      ['https://b.test/x', 'https://b.test/x'],
      ['www.c.test', 'http://www.c.test/'],
      ['d@e.test', 'mailto:d@e.test'],
      ['pic', 'https://f.test/p.png'],
    ]);
    expect(d.querySelector('a')!.title).to.equal('The A');
    expect(d.querySelector('img'), 'an image is a link, not a request').to.be.null;
  });

  it('renders ***x*** as emphasis and strong', () => {
    const d = md('***x***');
    expect(d.querySelector('em strong, strong em')!.textContent).to.equal('x');
  });

  it('keeps HTML as text', () => {
    const d = md('<script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a>');
    expect(d.querySelector('img,a,script')).to.be.null;
    expect(d.textContent).to.contain('<script>alert(1)</script>');
    for (const src of ['<div onclick="alert(1)">\nblock\n</div>', '<iframe src="https://evil.test"></iframe>', '<!-- x --><style>*{}</style>', '<svg onload=alert(1)>']) {
      const e = md(src);
      // `.md` is the rendered message's own box; no element may appear inside it but Markdown's.
      expect(e.querySelector('.md div, iframe, style, svg'), src).to.be.null;
      expect(e.textContent, src).to.contain('<');
    }
  });

  it('never makes a link, an attribute or an element out of hostile link forms', () => {
    const hostile = [
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](&#x6A;avascript&colon;alert(1))',
      '[x](javascript&#58;alert(1))',
      '[x](java&#x09;script:alert(1))',
      '[x](<javascript:alert(1)>)',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](vbscript:msgbox(1))',
      '[x][r]\n\n[r]: javascript:alert(1)',
      '[x]\n\n[x]: data:text/html,<script>alert(1)</script>',
      '<javascript:alert(1)>',
      '<data:text/html,x>',
      '![x](javascript:alert(1))',
      '![x](data:image/svg+xml,<svg onload=alert(1)>)',
      '[x](https://a.test" onmouseover="alert(1))',
      '[x](https://a.test "t" onmouseover="alert(1)")',
      '[x](<https://a.test/"><script>alert(1)</script>>)',
      'javascript:alert(1)',
      'https://a.test/"onmouseover="alert(1)',
    ];
    for (const src of hostile) {
      const d = md(src);
      for (const a of d.querySelectorAll('a')) expect(/^(https?|mailto):/.test(a.getAttribute('href')!), src).to.equal(true);
      for (const e of d.querySelectorAll('*')) for (const attr of e.attributes) expect(['class', 'href', 'title', 'target', 'rel', 'start'], `${src}: ${attr.name}`).to.include(attr.name);
    }
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
  it('keeps the text as is, line breaks included, in one text node (pre-wrap: no <br>)', () => {
    const div = document.createElement('div');
    render(plain('**a**\n<b>x</b>\nhttps://a.test'), div);
    expect(div.querySelector('br, strong, b, a')).to.be.null;
    expect(div.querySelector('.plain')!.textContent).to.equal('**a**\n<b>x</b>\nhttps://a.test');
    expect(div.querySelectorAll('.plain > span')).to.have.length(1);
  });

  it('cuts a long text into pieces after line breaks or spaces, losing nothing', () => {
    const text = ('word '.repeat(300) + '\n').repeat(20);
    const all = pieces(text);
    expect(all.join('')).to.equal(text);
    expect(all.length).to.be.above(1);
    for (const piece of all.slice(0, -1)) expect(piece).to.match(/[\n ]$/);
    expect(pieces('x'.repeat(5000)).join('')).to.have.length(5000);
    expect(pieces('')).to.deep.equal([]);
  });
});

describe('plainWithLinks (the visitor\'s text)', () => {
  const visitor = (src: string) => {
    const div = document.createElement('div');
    render(plainWithLinks(src), div);
    assertSafe(div);
    return div;
  };

  it('links web addresses and e-mails, and nothing else', () => {
    const d = visitor('**not bold** see https://a.test/x?y=1, www.b.test/c. or (https://c.test/d_(e)) and me@d.test! javascript:alert(1) ftp://x.test');
    expect(links(d)).to.deep.equal([
      ['https://a.test/x?y=1', 'https://a.test/x?y=1'],
      ['www.b.test/c', 'http://www.b.test/c'],
      ['https://c.test/d_(e)', 'https://c.test/d_(e)'],
      ['me@d.test', 'mailto:me@d.test'],
    ]);
    expect(d.querySelector('strong')).to.be.null;
    expect(d.textContent).to.equal('**not bold** see https://a.test/x?y=1, www.b.test/c. or (https://c.test/d_(e)) and me@d.test! javascript:alert(1) ftp://x.test');
  });

  it('does not link words glued to an address-like part', () => {
    expect(visitor('xhttps://a.test notwww.b.test a@b @c.test user@localhost').querySelector('a')).to.be.null;
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
