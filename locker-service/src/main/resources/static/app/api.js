// Calls to /api/v1 with the browser session. Writes carry the CSRF token read from the XSRF-TOKEN cookie and,
// inside Share, Share's own token.
import { lang } from './i18n.js';
import { resumeSession } from './session.js';

/** The service's root: empty when served directly, the proxy's path when shown inside Share. */
export const ROOT = window.location.pathname.replace(/\/app\/.*$/, '');

/**
 * Share's context path ('/share') when the app is shown through Share's proxy (/share/proxy/locker/app/...),
 * else null.
 */
export const SHARE = (ROOT.match(/^(.*)\/proxy\/[^/]+$/) || [])[1] ?? null;

/**
 * Share's CSRF filter checks every POST, PUT and DELETE under /share/proxy/: the token of its Alfresco-CSRFToken
 * cookie in the header of that name, or in the parameter of that name for a multipart request (Share's
 * CSRFPolicy, share-security-config.xml).
 */
const SHARE_TOKEN = 'Alfresco-CSRFToken';

function cookie(name) {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : '';
}

function csrfToken() {
  return cookie('XSRF-TOKEN');
}

/** Share's token, without the quotes some servers add to cookie values; empty outside Share. */
function shareToken() {
  return SHARE === null ? '' : cookie(SHARE_TOKEN).replace(/"/g, '');
}

/** The headers every call carries; a write also carries the CSRF tokens. */
function headersFor(method) {
  // no browser sign-in prompt on a 401: the app says "sign in again" itself
  const headers = { Accept: 'application/json', 'Accept-Language': lang(), 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
    if (shareToken()) headers[SHARE_TOKEN] = shareToken();
  }
  return headers;
}

/** Where a multipart POST goes: inside Share, with Share's token as a parameter (its filter reads no header there). */
function uploadUrl(path) {
  const url = `${ROOT}/api/v1${path}`;
  const token = shareToken();
  return token ? `${url}${url.includes('?') ? '&' : '?'}${SHARE_TOKEN}=${encodeURIComponent(token)}` : url;
}

/**
 * Where a person signs in again: the service's sign-in page, or, inside Share, Share itself (the whole window:
 * Share's own sign-in when its session ended too).
 */
export const SIGN_IN = SHARE === null ? { href: `${ROOT}/login`, target: null }
  : { href: `${SHARE}/page/locker`, target: '_top' };

/** Tells the app that the person must sign in again (a 401: their session or Alfresco ticket ended). */
function signedOut(problem) {
  window.dispatchEvent(new CustomEvent('locker:signed-out', { detail: problem }));
}

/**
 * A call answered 401: whether to send it again. Served directly, the person signs in again in a dialog over the
 * page (session.js) and the call goes again; inside Share, signing in is Share's, in the whole window.
 */
async function signedInAgain(problem) {
  if (SHARE !== null) {
    signedOut(problem);
    return false;
  }
  return resumeSession(ROOT);
}

/** An API error carrying the RFC 9457 problem (reason, messages.en/fr). */
export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.reason = this.body.reason || `HTTP_${status}`;
  }

  /** The message in the page's language. */
  text() {
    const messages = this.body.messages || {};
    return messages[lang()] || this.body.detail || this.message;
  }
}

export async function request(method, path, body) {
  for (;;) {
    // the headers again on each attempt: signing in again gives a new CSRF token
    const headers = headersFor(method);
    const init = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${ROOT}/api/v1${path}`, init);
    const type = response.headers.get('Content-Type') || '';
    const answer = type.includes('json') ? await response.json() : null;
    if (response.ok) return answer;
    const problem = new Problem(response.status, answer);
    if (response.status !== 401 || !(await signedInAgain(problem))) throw problem;
  }
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body ?? {});
export const put = (path, body) => request('PUT', path, body);
export const del = (path) => request('DELETE', path);

/**
 * A multipart POST through XMLHttpRequest, reporting upload progress (0..1) to onProgress. A 401 holds it until
 * the person signed in again, then sends the same form again (chosen files included).
 */
export async function upload(path, formData, onProgress) {
  for (;;) {
    try {
      return await uploadOnce(path, formData, onProgress);
    } catch (problem) {
      if (problem.status !== 401 || !(await signedInAgain(problem))) throw problem;
      onProgress(0);
    }
  }
}

function uploadOnce(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl(path));
    Object.entries(headersFor('POST')).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
      } else {
        reject(new Problem(xhr.status, body));
      }
    });
    xhr.addEventListener('error', () => reject(new Problem(0, { reason: 'NETWORK' })));
    xhr.send(formData);
  });
}
