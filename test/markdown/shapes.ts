// Texts of every shape that has made a Markdown parser or a renderer slow, each 150,000
// characters long (the server's limit): for the linear-time tests of the plain-text and the
// Markdown paths.
export const LIMIT = 150_000;

/** `unit` repeated to exactly `length` characters. */
export const fill = (unit: string, length = LIMIT) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Lines that open a list item nested one level deeper each time, back to the top every `depth` lines. */
const nestedList = (depth: number) => {
  const lines: string[] = [];
  for (let size = 0, level = 0; size < LIMIT; level = (level + 1) % depth) {
    lines.push('  '.repeat(level) + '- item');
    size += lines.at(-1)!.length + 1;
  }
  return lines.join('\n').slice(0, LIMIT);
};

export const shapes: Record<string, string> = {
  'short lines': fill('x\n'),
  'blank lines': fill('x\n\n'),
  'only newlines': fill('\n'),
  'words': fill('word '),
  'realistic': fill('Hi **Ana**, see _the guide_ at https://help.example.com/a?b=1 or [our page](https://example.com "Page").\n- step `one`\n- step ~~two~~\n\n'),
  'nested lists (8 levels)': nestedList(8),
  'nested lists (200 levels)': nestedList(200),
  'list markers': fill('- '),
  'numbered markers': fill('1. '),
  'emphasis *a': fill('*a'),
  'emphasis _a': fill('_a'),
  'strong **a': fill('**a '),
  'triple ***a': fill('***a'),
  'stars': fill('*'),
  'underscores': fill('_'),
  'backticks': fill('`'),
  'backtick runs': fill('`a'),
  'open brackets': fill('['),
  'brackets and parens': fill('[a]('),
  'links': fill('[a](https://x.test) '),
  'image openers': fill('!['),
  'pipes': fill('|'),
  'table rows': 'a|b\n-|-\n' + fill('x|y\n', LIMIT - 8),
  'quotes > > >': fill('> '),
  'quote lines': fill('>\n'),
  'quoted list': fill('> - '),
  'headings': fill('# x\n'),
  'hashes': fill('#'),
  'long word': 'a'.repeat(LIMIT),
  'right to left': fill('مرحبا بالعالم **نص** '),
  'emoji': fill('😀🎉 '),
  'angle brackets': fill('<'),
  'tags': fill('<b>'),
  'entities': fill('&amp;&#'),
  'backslashes': fill('\\'),
  'tildes ~~a': fill('~~a'),
  'bare URLs': fill('https://a.b/ '),
  'glued URLs': fill('https://a.b/'),
  'www': fill('www.'),
  'at signs': fill('a@'),
  'emails': fill('a@b.co '),
  'parens after a URL': 'https://x.test/' + fill(')', LIMIT - 15),
  'setext underlines': fill('x\n=\n'),
  'fences': fill('```\n'),
  'indented code': fill('    x\n'),
  'link definitions': fill('[a]: b\n'),
  'mixed markers': fill('*_`[!<>\\~|#-+ \n'),
  'spaces': fill(' '),
};
