// Calls to /api/v1 with the browser session. Writes carry the CSRF token read from the XSRF-TOKEN cookie.
import { lang } from './i18n.js';

/** The service's root: empty when served directly, the proxy's path when shown inside Share. */
export const ROOT = window.location.pathname.replace(/\/app\/.*$/, '');

function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.slice('XSRF-TOKEN='.length)) : '';
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

async function parse(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (response.status === 401) {
    window.location.assign(`${ROOT}/login`);
  }
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang() };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return parse(await fetch(`${ROOT}/api/v1${path}`, init));
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body ?? {});
export const put = (path, body) => request('PUT', path, body);
export const del = (path) => request('DELETE', path);

/** A multipart POST through XMLHttpRequest, reporting upload progress (0..1) to onProgress. */
export function upload(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${ROOT}/api/v1${path}`);
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', lang());
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new Problem(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(new Problem(0, { reason: 'NETWORK' })));
    xhr.send(formData);
  });
}
