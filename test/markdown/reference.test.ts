import {expect} from '@open-wc/testing';
import {render} from 'lit';
import MarkdownIt from 'markdown-it';
import {markdown} from '../../src/markdown/markdown.js';
import {assertSafe} from '../components/fixtures.js';
import {agentMessages} from './agent-messages.js';
import {structure} from './structure.js';

// Our rendering against the reference: markdown-it set up as the agents' own tool and
// Chatwoot's widget use it (`html: false, breaks: true, linkify: true`). markdown-it's HTML is
// parsed by DOMParser here, in the test only: it is the yardstick, never the product.
const reference = new MarkdownIt({html: false, breaks: true, linkify: true});
const parser = new DOMParser();

const ours = (src: string) => {
  const box = document.createElement('div');
  render(markdown(src), box);
  assertSafe(box);
  return structure(box);
};
const theirs = (src: string, html = reference.render(src)) => structure(parser.parseFromString(html, 'text/html').body);

/** The examples whose structure differs, with both structures (printed, to see what to fix). */
const differences = (examples: Array<{markdown: string; html?: string; name: string}>) =>
  examples.flatMap(({markdown: src, html, name}) => {
    const [mine, wanted] = [ours(src), theirs(src, html)];
    return JSON.stringify(mine) == JSON.stringify(wanted) ? [] : [{name, src, mine, wanted}];
  });

describe('Markdown structure compared with markdown-it', () => {
  it(`matches on at least 95 % of ${agentMessages.length} realistic agent messages`, () => {
    expect(agentMessages.length).to.be.at.least(80);
    const wrong = differences(agentMessages.map((src, i) => ({markdown: src, name: `message ${i + 1}`})));
    for (const {name, src, mine, wanted} of wrong) console.log(`${name} differs: ${JSON.stringify(src)}\n  ours:   ${JSON.stringify(mine)}\n  theirs: ${JSON.stringify(wanted)}`);
    const share = 1 - wrong.length / agentMessages.length;
    console.log(`agent messages: ${agentMessages.length - wrong.length}/${agentMessages.length} match markdown-it (${(share * 100).toFixed(1)} %)`);
    expect(share).to.be.at.least(0.95);
  });

  it('has a non-trivial structure to compare in most messages', () => {
    const withStructure = agentMessages.filter((src) => theirs(src).length > 0).length;
    expect(withStructure).to.be.at.least(agentMessages.length * 0.75);
  });
});

// The CommonMark spec's examples (from the commonmark-spec package) of the sections we support,
// compared with the spec's own HTML the same way. Left out: raw HTML (we show it as text, on
// purpose), and sections about the spec's own machinery (tabs, precedence).
const SECTIONS = [
  'Thematic breaks', 'ATX headings', 'Setext headings', 'Indented code blocks', 'Fenced code blocks', 'Paragraphs', 'Blank lines',
  'Block quotes', 'List items', 'Lists', 'Backslash escapes', 'Entity and numeric character references', 'Code spans',
  'Emphasis and strong emphasis', 'Links', 'Link reference definitions', 'Images', 'Autolinks', 'Hard line breaks',
  'Soft line breaks', 'Textual content',
];

interface Example {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

/** The examples of spec.txt, read as the package's own index.js reads them. */
const specExamples = async (): Promise<Example[]> => {
  const text = await (await fetch('/node_modules/commonmark-spec/spec.txt')).text();
  const examples: Example[] = [];
  let section = '';
  const tests = text.replace(/\r\n?/g, '\n').replace(/^<!-- END TESTS -->(.|[\n])*/m, '');
  for (const m of tests.matchAll(/^`{32} example\n([\s\S]*?)^\.\n([\s\S]*?)^`{32}$|^#{1,6} *(.*)$/gm)) {
    if (m[3] !== undefined) section = m[3];
    else examples.push({markdown: m[1].replace(/→/g, '\t'), html: m[2].replace(/→/g, '\t'), section, number: examples.length + 1});
  }
  return examples;
};

describe('Markdown structure compared with the CommonMark spec', () => {
  it('matches on at least 90 % of the examples of the sections we support', async () => {
    const all = await specExamples();
    expect(all.length).to.be.above(600);
    const chosen = all.filter((e) => SECTIONS.includes(e.section) && !/<[a-zA-Z/!?]/.test(e.markdown.replace(/<(https?|mailto|[a-z]+@)[^>]*>/gi, '')));
    const wrong = differences(chosen.map((e) => ({markdown: e.markdown, html: e.html, name: `example ${e.number} (${e.section})`})));
    for (const {name, src, mine, wanted} of wrong) console.log(`${name} differs: ${JSON.stringify(src)}\n  ours:   ${JSON.stringify(mine)}\n  spec:   ${JSON.stringify(wanted)}`);
    const share = 1 - wrong.length / chosen.length;
    console.log(`CommonMark spec: ${chosen.length - wrong.length}/${chosen.length} examples of ${SECTIONS.length} sections match (${(share * 100).toFixed(1)} %)`);
    expect(chosen.length).to.be.above(400);
    expect(share).to.be.at.least(0.9);
  });
});
