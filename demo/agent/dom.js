// Builds DOM nodes from plain values. The console never parses HTML: every string that came
// from the server ends up as a Text node or as a checked attribute value.

/**
 * An element with attributes, listeners (`on…`) and children (nodes or text).
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...(Node | string | null | false | undefined)} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else if (name === 'class') element.className = String(value);
    else if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** A URL the console may put in `href` or `src`: http(s) only, or mailto when `allowMail`. @param {unknown} url @param {boolean} [allowMail] */
export function safeUrl(url, allowMail = false) {
  if (typeof url !== 'string') return null;
  let parsed;
  try {
    parsed = new URL(url, location.href);
  } catch {
    return null;
  }
  const allowed = parsed.protocol === 'http:' || parsed.protocol === 'https:' || (allowMail && parsed.protocol === 'mailto:');
  return allowed ? parsed.href : null;
}
