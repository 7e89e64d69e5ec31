// The web app's shell: who is signed in, the navigation of their profile, the language and the routes.
import { ROOT, SHARE, SIGN_IN, get } from './api.js';
import { clear, h, setTimeZone } from './dom.js';
import { initialLanguage, lang, loadLanguage, t } from './i18n.js';
import { lockerScreen } from './locker.js';
import { distributionsScreen } from './distributions.js';
import { rememberUser } from './session.js';
import { depositScreen } from './deposit.js';
import { myDocumentsScreen } from './mydocuments.js';
import { collectScreen, toHandInScreen } from './collect.js';
import { splitScreen } from './split.js';
import { discussionsScreen, preferencesScreen, broadcastsScreen } from './discussions.js';
import { notificationsScreen, refreshNotificationCount } from './notifications.js';
import { discussionSettingsScreen, lockerSettingsScreen, importScreen, auditScreen } from './admin.js';
import { mailsInLanguage } from './mailpreferences.js';

// who is personnel is the server's word (/me says it, from the profile), never a list kept here
const establishment = (me) => me.personnel || me.profile === 'administrator';
const lockerOwner = (me) => establishment(me) || me.profile === 'guardian';
const profiles = (...codes) => (me) => codes.includes(me.profile);

/** Each route: its title key, who sees it in the menu, and the screen that draws it. */
const ROUTES = [
  { path: 'locker', title: 'nav.locker', shownTo: lockerOwner, screen: lockerScreen },
  { path: 'deposit', title: 'nav.deposit', shownTo: lockerOwner, screen: depositScreen },
  // issue 15: one PDF, one document per student for their guardians (decision 0024)
  { path: 'split', title: 'nav.split', shownTo: establishment, screen: splitScreen },
  { path: 'distributions', title: 'nav.distributions', shownTo: lockerOwner, screen: distributionsScreen },
  // collect requests (docs/collect-requests.md): the personnel ask, guardians and students hand in
  { path: 'collect', title: 'nav.collect', shownTo: (me) => me.personnel, screen: collectScreen },
  { path: 'tohandin', title: 'nav.toHandIn', shownTo: profiles('guardian', 'student'), screen: toHandInScreen },
  // decision 0015: the personnel's own space; guardians keep their documents on their devices
  { path: 'mydocuments', title: 'nav.myDocuments', shownTo: establishment, screen: myDocumentsScreen },
  { path: 'discussions', title: 'nav.discussions', shownTo: (me) => lockerOwner(me) || me.profile === 'student',
    screen: discussionsScreen },
  { path: 'notifications', title: 'nav.notifications', shownTo: () => true, screen: notificationsScreen },
  { path: 'broadcasts', title: 'nav.broadcasts', shownTo: profiles('guardian'), screen: broadcastsScreen },
  // everyone chooses how they are told by e-mail; teachers and guardians also set whom they accept
  { path: 'preferences', title: 'nav.preferences', shownTo: (me) => me.profile !== 'administrator',
    screen: preferencesScreen },
  { path: 'admin/discussions', title: 'nav.adminDiscussions', shownTo: profiles('administrator'),
    screen: discussionSettingsScreen },
  { path: 'admin/lockers', title: 'nav.adminLockers', shownTo: profiles('administrator'),
    screen: lockerSettingsScreen },
  { path: 'admin/import', title: 'nav.adminImport', shownTo: profiles('administrator'), screen: importScreen },
  { path: 'admin/audit', title: 'nav.adminAudit', shownTo: profiles('administrator'), screen: auditScreen },
];

const context = {
  me: null,
  /** Announce progress or success to screen readers (and show it). */
  announce(message) {
    const status = document.getElementById('status');
    status.textContent = '';
    window.clearTimeout(context.statusTimer);
    window.setTimeout(() => { status.textContent = message; }, 50);
    context.statusTimer = window.setTimeout(() => { status.textContent = ''; }, 8000);
  },
  navigate(path) {
    window.location.hash = `#/${path}`;
  },
  /** Counts shown on menu items, by route path; updated in place by the screens. */
  badges: {},
  setBadge(path, count) {
    context.badges[path] = count;
    const link = document.querySelector(`#nav-list a[data-route="${path}"]`);
    if (link) drawBadge(link, path, count);
  },
};

/** What a menu count means, for screen readers: documents not opened yet, unread discussions, notifications. */
const BADGE_TEXT = { locker: 'nav.newCount', discussions: 'nav.unread', notifications: 'nav.notificationsUnread' };

function drawBadge(link, path, count) {
  link.querySelector('.nav-count')?.remove();
  if (!(count > 0)) return;
  link.append(h('span.badge.nav-count', { 'data-count': String(count) },
    h('span', { 'aria-hidden': 'true' }, String(count)),
    h('span.visually-hidden', ` ${t(BADGE_TEXT[path], { count })}`)));
}

function routesOf(me) {
  // a guardian sees "Deposit a document" only while the establishment allows guardian deposits
  return ROUTES.filter((route) => route.shownTo(me)
    && (route.path !== 'deposit' || context.capabilities?.mayDeposit !== false));
}

function currentPath() {
  return window.location.hash.replace(/^#\/?/, '');
}

function drawChrome() {
  document.title = t('app.name');
  document.getElementById('brand').textContent = t('app.name');
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('lang-label').textContent = t('lang.label');
  document.getElementById('lang').value = lang();
  document.getElementById('logout').textContent = t('app.logout');
  document.getElementById('nav').setAttribute('aria-label', t('nav.label'));
  const me = context.me;
  document.getElementById('whoami').textContent = t('app.whoami', { name: me.displayName,
    profile: t(`profile.${me.profile}`) });
  const list = document.getElementById('nav-list');
  const path = currentPath();
  clear(list, routesOf(me).map((route) => {
    const link = h('a', {
      href: `#/${route.path}`,
      'data-route': route.path,
      'aria-current': path === route.path || path.startsWith(`${route.path}/`) ? 'page' : null,
    }, t(route.title));
    drawBadge(link, route.path, context.badges[route.path] || 0);
    return h('li', link);
  }));
}

/** The "new" count on "My locker": documents not opened yet, from the service, lowered at once by an opening. */
async function refreshNewCount() {
  if (!lockerOwner(context.me)) return;
  try {
    context.setBadge('locker', (await get('/lockers/mine/not-opened')).notOpened);
  } catch {
    context.setBadge('locker', 0); // the menu goes without its count; the screen says what went wrong, if anything
  }
}

async function render() {
  if (signedOut) return;
  const routes = routesOf(context.me);
  const path = currentPath();
  const route = routes.find((r) => path === r.path || path.startsWith(`${r.path}/`));
  if (!route) {
    context.navigate(routes[0].path);
    return;
  }
  document.body.dataset.ready = '';
  drawChrome();
  const counting = Promise.all([refreshNewCount(), refreshNotificationCount(context)]);
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, t(route.title));
  const body = h('div.screen');
  clear(main, heading, body);
  document.title = `${t(route.title)} — ${t('app.name')}`;
  try {
    await route.screen(body, context, path.slice(route.path.length + 1));
  } catch (error) {
    if (signedOut) return; // the screen stopped on a 401: "sign in again" is shown instead
    body.append(h('p.error', { role: 'alert' }, error.text ? error.text() : String(error.message || error)));
  }
  await counting;
  // tests and assistive tools can tell when a screen has finished drawing
  document.body.dataset.ready = path;
  if (context.focusHeading) heading.focus();
  context.focusHeading = true;
}

let signedOut = false;

/**
 * A 401 inside Share: the person's Alfresco ticket ended (signed out of Share, disabled, an hour without
 * activity). Say so and offer to sign in again in Share, instead of an error in the middle of a screen. Served
 * directly, the app asks for the password over the page instead and goes on (session.js).
 */
function showSignInAgain(problem) {
  signedOut = true;
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, t('session.ended'));
  clear(document.getElementById('nav-list'));
  clear(main, heading, h('div.screen',
    h('p.notice', { role: 'alert' }, problem?.text ? problem.text() : t('session.endedDetail')),
    h('p', h('a.button#sign-in-again', { href: SIGN_IN.href, target: SIGN_IN.target }, t('session.signInAgain')))));
  document.title = `${t('session.ended')} — ${t('app.name')}`;
  heading.focus();
  document.body.dataset.ready = 'signed-out';
}

async function start() {
  window.addEventListener('locker:signed-out', (event) => showSignInAgain(event.detail));
  await loadLanguage(initialLanguage());
  const [me, hours, capabilities] = await Promise.all([get('/me'), get('/discussions/hours'),
    get('/lockers/capabilities')]);
  context.me = me;
  rememberUser(me.id);
  context.capabilities = capabilities;
  setTimeZone(hours.zone);
  document.getElementById('lang').addEventListener('change', async (event) => {
    await loadLanguage(event.target.value);
    await mailsInLanguage(event.target.value);
    context.focusHeading = false;
    await render();
  });
  // inside Share, signing out is Share's (it ends the Alfresco ticket, hence this app's session too)
  document.getElementById('logout').hidden = SHARE !== null;
  document.getElementById('logout').addEventListener('click', async () => {
    const token = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    await fetch(`${ROOT}/logout`, { method: 'POST', credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': token ? decodeURIComponent(token.split('=')[1]) : '' } });
    window.location.assign(`${ROOT}/login?logout`);
  });
  window.addEventListener('hashchange', () => render());
  window.addEventListener('locker:document-opened', () => {
    context.setBadge('locker', Math.max(0, (context.badges.locker || 0) - 1));
    refreshNotificationCount(context); // opening a document reads its notifications
  });
  context.focusHeading = false;
  await render();
  // the unread count on the menu from the first screen on (the discussions screen keeps it current)
  if (routesOf(me).some((route) => route.path === 'discussions') && !currentPath().startsWith('discussions')) {
    get('/discussions').then((list) => context.setBadge('discussions',
      list.reduce((sum, d) => sum + d.unread, 0))).catch(() => {});
  }
}

start();
