import {expect} from '@open-wc/testing';
import {render} from 'lit';
import {markdown, MAX_MARKDOWN_LENGTH, plain, plainWithLinks} from '../../src/markdown/markdown.js';
import {markdownStyles} from '../../src/markdown/markdown.styles.js';
import {LIMIT, shapes} from './shapes.js';

// Every shape of 150,000-character text renders, as plain text and as Markdown, in time
// linear in its length: the goal is 200 ms; the tests fail above a bound generous enough for a
// loaded CI machine, but far below what a quadratic renderer takes (seconds to minutes).
const BOUND_MS = 1500;

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Renders into a box like a message bubble (`dir="auto"`, 300 px wide, in the page) and lays it out (next frame included). */
const timed = async (template: unknown) => {
  const box = document.createElement('div');
  box.dir = 'auto';
  box.style.width = '300px';
  box.style.overflowWrap = 'anywhere';
  document.body.append(box);
  const start = performance.now();
  render(template, box);
  box.getBoundingClientRect();
  await frame();
  box.getBoundingClientRect();
  const ms = performance.now() - start;
  const text = box.textContent!;
  expect(box.querySelector('.md, .plain'), 'rendered').to.exist;
  box.remove();
  return {ms, text};
};

describe('rendering time of 150,000 characters of any shape', function () {
  this.timeout(120_000);
  before(() => (document.adoptedStyleSheets = [markdownStyles.styleSheet!]));
  after(() => (document.adoptedStyleSheets = []));
  const rows: string[] = [];
  after(() => console.log(`rendering ${LIMIT.toLocaleString('en')} characters (ms): markdown / visitor text with links / plain fallback\n${rows.join('\n')}`));

  for (const [name, text] of Object.entries(shapes)) {
    it(name, async () => {
      expect(text.length, 'the shape is full size').to.be.within(LIMIT - 10, LIMIT);
      const asMarkdown = await timed(markdown(text));
      const asVisitor = await timed(plainWithLinks(text));
      const asPlain = await timed(plain(text));
      rows.push(`${name.padEnd(28)} ${asMarkdown.ms.toFixed(0).padStart(5)} ${asVisitor.ms.toFixed(0).padStart(5)} ${asPlain.ms.toFixed(0).padStart(5)}`);
      expect(asPlain.text).to.equal(text);
      expect(asVisitor.text).to.equal(text);
      expect(asMarkdown.text.length, 'the Markdown keeps the text').to.be.above(text.replace(/\s/g, '').length / 4);
      expect(asMarkdown.ms, 'Markdown').to.be.below(BOUND_MS);
      expect(asVisitor.ms, 'visitor text').to.be.below(BOUND_MS);
      expect(asPlain.ms, 'plain text').to.be.below(BOUND_MS);
    });
  }
});

// Up to MAX_MARKDOWN_LENGTH the text is parsed as Markdown (past it, shown as text with links):
// the parser's guards keep every shape at that length fast too.
describe(`Markdown parsing time of ${MAX_MARKDOWN_LENGTH.toLocaleString('en')} characters of any shape`, function () {
  this.timeout(120_000);
  const rows: string[] = [];
  before(() => (document.adoptedStyleSheets = [markdownStyles.styleSheet!]));
  after(() => {
    document.adoptedStyleSheets = [];
    console.log(`Markdown of ${MAX_MARKDOWN_LENGTH.toLocaleString('en')} characters (ms)\n${rows.join('\n')}`);
  });

  for (const [name, whole] of Object.entries(shapes)) {
    it(name, async () => {
      const text = whole.slice(0, MAX_MARKDOWN_LENGTH);
      const {ms} = await timed(markdown(text));
      rows.push(`${name.padEnd(28)} ${ms.toFixed(0).padStart(5)}`);
      expect(ms).to.be.below(BOUND_MS);
    });
  }
});
