// The two ways to put the widget on a site, written from the chosen settings: the tag (with a
// script for the properties that have no attribute) and the `akeceChatSettings` snippet for
// site builders that cannot add custom tags. Only values that differ from the defaults appear.

/** @param {string} text */
const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Inside an inline <script>: JSON with `<` escaped, so no value can close the element. @param {unknown} value */
const scriptJson = (value, indent = 0) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/\n/g, `\n${' '.repeat(indent)}`);

/**
 * @typedef {import('./options.js').Option} Option
 * @typedef {Map<Option, string | boolean | object>} Chosen the settings that differ from the defaults
 */

/** @param {Chosen} chosen @param {string} scriptUrl */
export function tagSnippet(chosen, scriptUrl) {
  const attributes = [];
  /** @type {Record<string, unknown>} */
  const properties = {};
  for (const [option, value] of chosen) {
    if (!option.attribute) properties[option.property] = value;
    else if (value === true) attributes.push(option.attribute);
    else attributes.push(`${option.attribute}="${escapeAttribute(String(value))}"`);
  }
  const lines = [`<script src="${escapeAttribute(scriptUrl)}" defer></script>`];
  lines.push(attributes.length ? `<akece-chat\n  ${attributes.join('\n  ')}\n></akece-chat>` : '<akece-chat></akece-chat>');
  for (const [name, value] of Object.entries(properties)) {
    lines.push(`<script>\n  document.querySelector('akece-chat').${name} = ${scriptJson(value, 2)};\n</script>`);
  }
  return lines.join('\n');
}

/** @param {Chosen} chosen @param {string} scriptUrl */
export function settingsSnippet(chosen, scriptUrl) {
  /** @type {Record<string, unknown>} */
  const settings = {};
  for (const [option, value] of chosen) {
    settings[option.property] = option.kind === 'number' ? Number(value) : value;
  }
  return [
    '<script>',
    `  window.akeceChatSettings = ${scriptJson(settings, 2)};`,
    '</script>',
    `<script src="${escapeAttribute(scriptUrl)}" defer></script>`,
  ].join('\n');
}
