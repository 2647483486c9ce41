import {expect} from '@open-wc/testing';
import {render} from 'lit';
import {BlockParser} from '../../src/markdown/block-parser.js';
import {markdown} from '../../src/markdown/markdown.js';
import type {Block, Inline} from '../../src/markdown/tokens.js';
import {assertSafe} from '../components/fixtures.js';

// Our Markdown parser, construct by construct, and the edge cases where hand-written parsers
// usually go wrong. Tokens are checked directly (the renderer's output is checked by
// markdown.test.ts and against markdown-it by reference.test.ts).

const blocks = (src: string) => new BlockParser().parse(src);
/** The inline tokens of a one-paragraph text. */
const inline = (src: string): Inline[] => {
  const [first, ...rest] = blocks(src);
  expect(rest, 'one block').to.deep.equal([]);
  expect(first.type).to.equal('paragraph');
  return (first as Extract<Block, {type: 'paragraph'}>).content;
};
const paragraph = (...content: Inline[]): Block => ({type: 'paragraph', content});
const em = (...children: Inline[]): Inline => ({type: 'em', children});
const strong = (...children: Inline[]): Inline => ({type: 'strong', children});
const del = (...children: Inline[]): Inline => ({type: 'del', children});
const code = (text: string): Inline => ({type: 'code', text});
const link = (href: string, children: Inline[], title = ''): Inline => ({type: 'link', href, title, children});
const list = (ordered: boolean, items: Block[][], tight = true, start = 1): Block => ({type: 'list', ordered, start, tight, items});

const rendered = (src: string) => {
  const box = document.createElement('div');
  render(markdown(src), box);
  assertSafe(box);
  return box;
};

describe('Markdown parser: blocks', () => {
  it('splits paragraphs at blank lines and keeps line breaks (soft and hard) as newlines', () => {
    expect(blocks('one\ntwo\n\n\nthree')).to.deep.equal([paragraph('one\ntwo'), paragraph('three')]);
    expect(inline('hard  \nbreak\\\nand soft\n   indented')).to.deep.equal(['hard\nbreak\nand soft\nindented']);
    expect(inline('trailing spaces   ')).to.deep.equal(['trailing spaces']);
  });

  it('reads ATX and setext headings, with closing hashes dropped', () => {
    expect(blocks('# One\n## Two ##\n###### Six\n####### seven')).to.deep.equal([
      {type: 'heading', depth: 1, content: ['One']},
      {type: 'heading', depth: 2, content: ['Two']},
      {type: 'heading', depth: 6, content: ['Six']},
      paragraph('####### seven'),
    ]);
    expect(blocks('Title\n===\nSub *title*\n---')).to.deep.equal([
      {type: 'heading', depth: 1, content: ['Title']},
      {type: 'heading', depth: 2, content: ['Sub ', em('title')]},
    ]);
    expect(blocks('#hashtag and #5'), 'no space: not a heading').to.deep.equal([paragraph('#hashtag and #5')]);
  });

  it('reads fenced code (backticks or tildes, longer closers, unclosed to the end) and indented code verbatim', () => {
    expect(blocks('```js\nconst a = "**x**";\n\n  <b>\n```\nafter')).to.deep.equal([{type: 'code', text: 'const a = "**x**";\n\n  <b>'}, paragraph('after')]);
    expect(blocks('~~~~\n```\nstill code\n~~~~~')).to.deep.equal([{type: 'code', text: '```\nstill code'}]);
    expect(blocks('```\nno end')).to.deep.equal([{type: 'code', text: 'no end'}]);
    expect(blocks('    indented\n      more\n\n    after blank\n\ntext')).to.deep.equal([{type: 'code', text: 'indented\n  more\n\nafter blank'}, paragraph('text')]);
    expect(blocks('para\n    not code'), 'indented code cannot interrupt a paragraph').to.deep.equal([paragraph('para\nnot code')]);
  });

  it('reads thematic breaks, and `---` under text as a heading', () => {
    expect(blocks('***\n- - -\n___')).to.deep.equal([{type: 'rule'}, {type: 'rule'}, {type: 'rule'}]);
    expect(blocks('a\n\n---')).to.deep.equal([paragraph('a'), {type: 'rule'}]);
  });

  it('reads block quotes, nested, with lazy continuation lines', () => {
    expect(blocks('> a\nlazy\n>> b\n\nout')).to.deep.equal([
      {type: 'quote', blocks: [paragraph('a\nlazy'), {type: 'quote', blocks: [paragraph('b')]}]},
      paragraph('out'),
    ]);
    expect(blocks('> - item\n> ```\n> code\n> ```')).to.deep.equal([{type: 'quote', blocks: [list(false, [[paragraph('item')]]), {type: 'code', text: 'code'}]}]);
  });

  it('reads bullet and ordered lists, their start, and a new list when the marker changes', () => {
    expect(blocks('- a\n- b\n+ c\n3. d\n4) e')).to.deep.equal([
      list(false, [[paragraph('a')], [paragraph('b')]]),
      list(false, [[paragraph('c')]]),
      list(true, [[paragraph('d')]], true, 3),
      list(true, [[paragraph('e')]], true, 4),
    ]);
    expect(blocks('1. one\n\n2. two')).to.deep.equal([list(true, [[paragraph('one')], [paragraph('two')]], false)]);
  });

  it('nests lists by indentation, with mixed markers and continuation lines', () => {
    const src = '1. Open\n   - on iOS\n     * tap Menu\n   - on Android\n2. Choose\n   continued\n\n   second paragraph';
    expect(blocks(src)).to.deep.equal([
      list(
        true,
        [
          [paragraph('Open'), list(false, [[paragraph('on iOS'), list(false, [[paragraph('tap Menu')]])], [paragraph('on Android')]])],
          [paragraph('Choose\ncontinued'), paragraph('second paragraph')],
        ],
        false
      ),
    ]);
    expect(blocks('- a\n - b\n  - c'), 'nesting needs the content column: these are siblings').to.deep.equal([
      list(false, [[paragraph('a')], [paragraph('b')], [paragraph('c')]]),
    ]);
  });

  it('lets a list interrupt a paragraph only with a bullet or a 1.', () => {
    expect(blocks('Steps:\n1. one\n- two')).to.deep.equal([paragraph('Steps:'), list(true, [[paragraph('one')]]), list(false, [[paragraph('two')]])]);
    expect(blocks('The year\n2026. was good')).to.deep.equal([paragraph('The year\n2026. was good')]);
    expect(blocks('text\n-\nmore'), 'an empty item cannot interrupt (and `-` under text is a heading)').to.deep.equal([
      {type: 'heading', depth: 2, content: ['text']},
      paragraph('more'),
    ]);
  });

  it('reads GFM tables, cells padded to the header, escaped pipes kept', () => {
    expect(blocks('Prices:\n| Plan | Price |\n|:--|--:|\n| Free | $0 |\n| Pro \\| Team |\n\nafter')).to.deep.equal([
      paragraph('Prices:'),
      {type: 'table', head: [['Plan'], ['Price']], rows: [[['Free'], ['$0']], [['Pro | Team'], []]]},
      paragraph('after'),
    ]);
    expect(blocks('a | b\n--|--|--'), 'cell counts differ: no table').to.deep.equal([paragraph('a | b\n--|--|--')]);
  });

  it('takes reference definitions out of the text and links to them (first one wins, case-insensitive)', () => {
    expect(blocks('[Guide]: https://a.test/guide "The guide"\n[guide]: https://b.test\n\nSee [the guide][GUIDE], [guide][] or [Guide].')).to.deep.equal([
      paragraph(
        'See ',
        link('https://a.test/guide', ['the guide'], 'The guide'),
        ', ',
        link('https://a.test/guide', ['guide'], 'The guide'),
        ' or ',
        link('https://a.test/guide', ['Guide'], 'The guide'),
        '.'
      ),
    ]);
    expect(blocks('[nothing]\n\n[x]: <> "empty"'), 'an unknown label is text; a definition is not').to.deep.equal([paragraph('[nothing]')]);
  });
});

describe('Markdown parser: inline', () => {
  it('reads emphasis, strong, both, and strikethrough with two tildes only', () => {
    expect(inline('*a* _b_ **c** __d__ ***e*** ~~f~~ ~g~')).to.deep.equal([
      em('a'), ' ', em('b'), ' ', strong('c'), ' ', strong('d'), ' ', em(strong('e')), ' ', del('f'), ' ~g~',
    ]);
    expect(inline('**bold _italic_ bold** *it **strong** it*')).to.deep.equal([strong('bold ', em('italic'), ' bold'), ' ', em('it ', strong('strong'), ' it')]);
  });

  it('leaves unclosed and unmatched markers as text', () => {
    expect(inline('**unclosed and *half')).to.deep.equal(['**unclosed and *half']);
    expect(inline('Stray * not emphasis * and 5 * 3')).to.deep.equal(['Stray * not emphasis * and 5 * 3']);
    expect(inline('***bold italic** just italic*')).to.deep.equal([em(strong('bold italic'), ' just italic')]);
    expect(inline('**a*')).to.deep.equal(['*', em('a')]);
  });

  it('opens `*` inside words but not `_` (snake_case and 2*3*4)', () => {
    expect(inline('snake_case_name and __init__.py')).to.deep.equal(['snake_case_name and ', strong('init'), '.py']);
    expect(inline('2*3*4 and un*frigging*believable')).to.deep.equal(['2', em('3'), '4 and un', em('frigging'), 'believable']);
    expect(inline('file_name_here.txt')).to.deep.equal(['file_name_here.txt']);
  });

  it('reads code spans of any backtick count, backticks inside, spaces stripped once, nothing parsed inside', () => {
    expect(inline('`a` ``with ` inside`` `` `tick` `` ```three``` `**no** [x](y)`')).to.deep.equal([
      code('a'), ' ', code('with ` inside'), ' ', code('`tick`'), ' ', code('three'), ' ', code('**no** [x](y)'),
    ]);
    expect(inline('`unclosed and ``other')).to.deep.equal(['`unclosed and ``other']);
    expect(inline('`a ``b`'), 'a longer run inside is content').to.deep.equal([code('a ``b')]);
    expect(inline('`line\nbreak`  `  `')).to.deep.equal([code('line break'), '  ', code('  ')]);
    expect(inline('*a `*` b*')).to.deep.equal([em('a ', code('*'), ' b')]);
  });

  it('reads links: titles, angle destinations, parentheses in the URL, nested brackets, emphasis inside', () => {
    expect(inline('[a](https://x.test "T") [b](<https://x.test/a b>) [c](https://en.wikipedia.org/wiki/Foo_(bar))')).to.deep.equal([
      link('https://x.test', ['a'], 'T'), ' ', link('https://x.test/a b', ['b']), ' ', link('https://en.wikipedia.org/wiki/Foo_(bar)', ['c']),
    ]);
    expect(inline('[with [brackets] inside](https://x.test) [**bold** `code`](https://y.test)')).to.deep.equal([
      link('https://x.test', ['with [brackets] inside']), ' ', link('https://y.test', [strong('bold'), ' ', code('code')]),
    ]);
    expect(inline('[a [b](https://b.test)](https://c.test)'), 'no link inside a link').to.deep.equal(['[a ', link('https://b.test', ['b']), '](https://c.test)']);
    expect(inline('[x](https://a.test/\\(escaped\\) \'single\')')).to.deep.equal([link('https://a.test/(escaped)', ['x'], 'single')]);
  });

  it('leaves broken links as text', () => {
    expect(inline('[not a link] [x]( and (parentheses) [a](b c d) [open')).to.deep.equal(['[not a link] [x]( and (parentheses) [a](b c d) [open']);
    expect(inline('*[a*](https://x.test)')).to.deep.equal(['*', link('https://x.test', ['a*'])]);
  });

  it('reads images (alt text as plain text) and autolinks', () => {
    expect(inline('![a *b*](https://x.test/p.png "P") <https://x.test/?a=1&b=2> <me@x.test> <not a link>')).to.deep.equal([
      {type: 'image', href: 'https://x.test/p.png', title: 'P', alt: 'a b'},
      ' ',
      link('https://x.test/?a=1&b=2', ['https://x.test/?a=1&b=2']),
      ' ',
      link('mailto:me@x.test', ['me@x.test']),
      ' <not a link>',
    ]);
  });

  it('resolves backslash escapes and character references, but not inside code', () => {
    expect(inline('\\*not\\* \\_em\\_ \\[x\\] \\a &amp; &copy; &#35; &#x1F600; &nosuch; `&amp; \\*`')).to.deep.equal([
      '*not* _em_ [x] \\a & © # 😀 &nosuch; ',
      code('&amp; \\*'),
    ]);
    expect(inline('&ast;not emphasis&ast;'), 'a reference is never a marker').to.deep.equal(['&ast;not emphasis&ast;']);
    expect(inline('&#42;not emphasis&#42;')).to.deep.equal(['*not emphasis*']);
  });

  it('keeps HTML-looking text as text', () => {
    expect(inline('<b>bold?</b> <script>alert(1)</script> a < b > c')).to.deep.equal(['<b>bold?</b> <script>alert(1)</script> a < b > c']);
    expect(blocks('<div>\n*x*\n</div>')).to.deep.equal([paragraph('<div>\n', em('x'), '\n</div>')]);
  });

  it('keeps emoji and right-to-left text whole around markers', () => {
    expect(inline('**bold 🚀** *✨*')).to.deep.equal([strong('bold 🚀'), ' ', em('✨')]);
    expect(inline('مرحبا **مساعدتك** اليوم')).to.deep.equal(['مرحبا ', strong('مساعدتك'), ' اليوم']);
  });
});

describe('Markdown rendering of what the parser reads', () => {
  it('renders a tight list without paragraphs and a loose one with them', () => {
    expect(rendered('- a\n- b').querySelector('li p')).to.be.null;
    expect(rendered('- a\n\n- b').querySelectorAll('li > p')).to.have.length(2);
  });

  it('links bare addresses in text but not inside links or code', () => {
    const box = rendered('See https://a.test/x, [https://b.test](https://c.test) and `https://d.test`.');
    expect([...box.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://a.test/x', 'https://c.test/']);
    expect(box.querySelector('code')!.textContent).to.equal('https://d.test');
  });

  it('shows emphasis nested deeper than 32 levels as text, in linear time', () => {
    const depth = 3000;
    const src = '*a '.repeat(depth) + 'b' + ' c*'.repeat(depth);
    const start = performance.now();
    const box = rendered(src);
    expect(performance.now() - start).to.be.below(1500);
    expect(box.querySelectorAll('em')).to.have.length(32);
    expect(box.textContent).to.contain('b');
  });
});
