// The notification centre (issue 15): what concerns me, newest first, grouped by day; for a guardian, the child each
// one concerns. Opening one marks it read and goes to its item; "Mark all as read" clears the menu's count.
import { get, post } from './api.js';
import { clear, formatDate, formatDay, h } from './dom.js';
import { lang, t } from './i18n.js';
import { describeChild } from './people.js';

/** The menu's count: my unread notifications (the one badge mechanism, context.setBadge). */
export async function refreshNotificationCount(context) {
  try {
    context.setBadge('notifications', (await get('/notifications/unread')).unread);
  } catch {
    context.setBadge('notifications', 0); // the menu goes without its count
  }
}

export async function notificationsScreen(container, context) {
  const list = h('div#notification-list', { 'aria-live': 'polite' });
  const markAll = h('button#mark-all-read', { type: 'button' }, t('notifications.markAll'));
  const more = h('button#notifications-more', { type: 'button', hidden: true }, t('notifications.more'));
  container.append(h('div.actions', markAll), list, more);

  let next = null;
  let lastDay = null;
  let group = null;

  function item(n) {
    const children = (n.children || []).map(describeChild).join(t('people.and'));
    const what = t(`notifications.kind.${n.kind}`, { actor: n.actor || t('notifications.school') });
    const link = h('a.notification', {
      href: n.link || '#/notifications',
      'data-notification': n.id,
      'data-read': String(n.read),
      onclick: async (event) => {
        event.preventDefault();
        if (!n.read) {
          await post(`/notifications/${encodeURIComponent(n.id)}/read`);
          context.setBadge('notifications', Math.max(0, (context.badges.notifications || 0) - 1));
        }
        window.location.hash = n.link || '#/notifications';
      },
    },
    n.read ? null : h('span.badge.unread', t('notifications.unread')),
    h('span.notification-what', what),
    n.title ? h('strong.notification-title', n.title) : null,
    children ? h('span.notification-child', t('notifications.child', { children })) : null,
    h('time', { datetime: n.at }, formatDate(n.at, lang())));
    return h('li', link);
  }

  function add(entries) {
    for (const n of entries) {
      const day = formatDay(n.at, lang());
      if (day !== lastDay) {
        lastDay = day;
        group = h('ul.cards.notifications');
        list.append(h('h2', day), group);
      }
      group.append(item(n));
    }
  }

  async function load(cursor) {
    const page = await get(`/notifications?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!cursor && !page.entries.length) list.append(h('p.empty', t('notifications.empty')));
    add(page.entries);
    next = page.next;
    more.hidden = !next;
  }

  more.addEventListener('click', () => load(next));
  markAll.addEventListener('click', async () => {
    await post('/notifications/read');
    context.setBadge('notifications', 0);
    context.announce(t('notifications.allRead'));
    clear(list);
    lastDay = null;
    await load(null);
  });
  await load(null);
}
