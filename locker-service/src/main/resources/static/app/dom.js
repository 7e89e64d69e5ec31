// Small DOM helpers. User data only ever reaches the page through textContent or attribute values,
// never through innerHTML: memos, names and messages are text.

/** h('tag.class#id', {attrs}, ...children): children are nodes or strings (set as text). */
export function h(spec, attrs, ...children) {
  const [tagAndClasses, id] = spec.split('#');
  const [tag, ...classes] = tagAndClasses.split('.');
  const node = document.createElement(tag || 'div');
  if (id) node.id = id;
  if (classes.length) node.className = classes.join(' ');
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

let uid = 0;
/** A unique id for label/description pairs. */
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** A labelled form field; the error slot sits next to it and is announced. */
export function field(label, control, { hint, name } = {}) {
  control.id = control.id || nextId('f');
  const error = h('p.field-error', { id: `${control.id}-error`, 'aria-live': 'polite' });
  const described = [error.id];
  let hintNode = null;
  if (hint) {
    hintNode = h('p.hint', { id: `${control.id}-hint` }, hint);
    described.unshift(hintNode.id);
  }
  control.setAttribute('aria-describedby', described.join(' '));
  const wrapper = h('div.field', { 'data-field': name || control.name || '' },
    h('label', { for: control.id }, label), hintNode, control, error);
  const clearError = () => wrapper.showError('');
  control.addEventListener('input', clearError);
  control.addEventListener('change', clearError);
  wrapper.showError = (message) => {
    error.textContent = message || '';
    if (message) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
  };
  return wrapper;
}

/** A tick box with its label after it. */
export function checkbox(label, attrs = {}) {
  const input = h('input', { type: 'checkbox', id: nextId('c'), ...attrs });
  const wrapper = h('div.check', input, h('label', { for: input.id }, label));
  wrapper.input = input;
  return wrapper;
}

let timeZone;
/** Dates are shown in the establishment's time zone (the one of publication windows and discussion hours). */
export function setTimeZone(zone) {
  timeZone = zone;
}

export function formatDate(iso, lang) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone })
    .format(new Date(iso));
}

/** The day alone ("Tuesday 24 November 2026"), in the establishment's time zone: a heading for a day's items. */
export function formatDay(iso, lang) {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone }).format(new Date(iso));
}

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
