// An ended session, resumed in place. A call answered 401 (the session timed out, or the person signed out in
// another tab) waits while a dialog asks them to sign in again, then goes again: nothing on the page is lost (the
// deposit form and its chosen files, which a reload would drop, a draft message).
import { field, h } from './dom.js';
import { t } from './i18n.js';

/** The person the page was drawn for: whoever signs in again must be them for the held calls to go on. */
let expectedUser = null;
/** The dialog every held call waits for (one for all the calls that ended at the same time). */
let pending = null;

export function rememberUser(id) {
  expectedUser = id;
}

function cookie(name) {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : '';
}

/** Signs in through the service's form login; the person now signed in, or null when refused. */
async function signIn(root, username, password) {
  // a CSRF token for the sign-in form: signing out in another tab dropped the XSRF-TOKEN cookie
  await fetch(`${root}/login`, { credentials: 'same-origin' });
  const response = await fetch(`${root}/login`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') },
    body: new URLSearchParams({ username, password }),
  });
  // a refused sign-in ends on the sign-in page with ?error; whatever the page, /me tells who is signed in
  if (!response.ok || new URL(response.url).searchParams.has('error')) return null;
  const me = await fetch(`${root}/api/v1/me`, { credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
  return me.ok ? me.json() : null;
}

/**
 * Asks the person to sign in again; resolves to true once they have (the held call goes again), false when they
 * close the dialog (the call fails with its 401 problem, shown where the screen shows errors; what they typed
 * stays on the page).
 */
export function resumeSession(root) {
  if (!pending) {
    pending = askToSignIn(root).finally(() => { pending = null; });
  }
  return pending;
}

function askToSignIn(root) {
  return new Promise((resolve) => {
    const before = document.activeElement;
    const username = h('input', { name: 'username', autocomplete: 'username', required: true,
      value: expectedUser || '' });
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password',
      required: true });
    const error = h('p.error#session-error', { role: 'alert' });
    const submit = h('button.primary#session-sign-in', { type: 'submit' }, t('login.submit'));
    const cancel = h('button#session-cancel', { type: 'button' }, t('app.cancel'));
    const form = h('form#session-form', { method: 'dialog', novalidate: true },
      field(t('login.username'), username), field(t('login.password'), password), error,
      h('div.actions', submit, cancel));
    const dialog = h('dialog.picker#session-dialog', { 'aria-labelledby': 'session-title',
      'aria-describedby': 'session-detail' },
    h('h2#session-title', t('session.ended')), h('p#session-detail', t('session.resumeDetail')), form);
    document.body.append(dialog);
    const close = (signedIn) => {
      dialog.close();
      dialog.remove();
      if (before && before.isConnected) before.focus();
      resolve(signedIn);
    };
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(false);
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      submit.disabled = true;
      try {
        const me = await signIn(root, username.value.trim(), password.value);
        if (!me) {
          error.textContent = t('login.error');
          password.value = '';
          password.focus();
          return;
        }
        if (expectedUser && me.id !== expectedUser) {
          // someone else signed in: what was held was the other person's; start afresh as the new one
          window.location.reload();
          return;
        }
        close(true);
      } catch {
        error.textContent = t('session.unreachable');
      } finally {
        submit.disabled = false;
      }
    });
    dialog.showModal();
    (expectedUser ? password : username).focus();
  });
}
