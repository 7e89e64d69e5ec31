// French and English strings live in i18n/fr.json and i18n/en.json (kept in sync by WebAppDictionariesTest).
const SUPPORTED = ['fr', 'en'];
const STORAGE_KEY = 'locker.lang';
let dictionary = {};
let current = 'fr';

export function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (SUPPORTED.includes(saved)) return saved;
  const browser = (navigator.language || 'fr').slice(0, 2).toLowerCase();
  return SUPPORTED.includes(browser) ? browser : 'en';
}

export async function loadLanguage(lang) {
  // relative to this module: the app is served at /app/ by the service, and below /share/proxy/locker/ in Share
  const response = await fetch(new URL(`i18n/${lang}.json`, import.meta.url), { credentials: 'same-origin' });
  dictionary = await response.json();
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

export function lang() {
  return current;
}

/** The string for a key, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = dictionary[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** Fill elements carrying data-i18n (static page parts). */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
}

/** Labels the API gives with codes (document types: { code, en, fr }), by prefix then code. */
const given = new Map();

export function registerLabels(prefix, entries) {
  given.set(prefix, new Map(entries.map((entry) => [entry.code, entry])));
}

/** "AUTORISATION_DE_SORTIE" -> "Autorisation de sortie": a code without any label still reads as words. */
function words(code) {
  const text = String(code).replace(/_+/g, ' ').trim().toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The label of a code (document type, window state...): the one the API gave in this language (else in the
 * other), else the dictionary's, else the code said as words; never the bare code.
 */
export function label(prefix, code) {
  if (code === null || code === undefined) return '—';
  const entry = given.get(prefix)?.get(code);
  const key = `${prefix}.${code}`;
  if (entry?.[current]) return entry[current];
  if (key in dictionary) return dictionary[key];
  const other = entry?.[current === 'fr' ? 'en' : 'fr'];
  return other || words(code);
}
