// Loaded before every browser test: a Lit dev-mode warning (an update scheduled during an
// update, a deprecated API, …) fails the test that caused it instead of scrolling by in the log.
// The one-time "Lit is in dev mode" notice is expected under the development export condition.
const warn = console.warn.bind(console);
console.warn = (...args) => {
  const text = args.map(String).join(' ');
  if (/lit\.dev\/msg\//.test(text) && !/lit\.dev\/msg\/dev-mode/.test(text)) throw new Error(`Lit warning: ${text}`);
  warn(...args);
};
