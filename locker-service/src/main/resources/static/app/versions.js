// A document's versions, shown on the locker's cards and in the depositor's distributions.
import { get, post } from './api.js';
import { clear, formatDate, formatSize, h } from './dom.js';
import { lang, t } from './i18n.js';
import { nameOf } from './people.js';

/**
 * A document's version history behind a "Versions" button. Comments are for personnel: the API never gives a
 * guardian one. The depositor of a deposit to guardians sees which versions the guardians were given, and may give
 * them a co-recipient's version ("published": false). {@code heading}: the level its title takes where it is drawn
 * (under a card's h2, or straight under the page's h1 in the distributions table).
 */
export function versionHistory(id, context, heading = 'h3') {
  const history = h('div.history');
  const historyButton = h('button', { type: 'button', 'aria-expanded': 'false', 'data-action': 'versions' },
    t('locker.history'));
  const render = (versions) => {
    clear(history, h(heading, t('locker.versions')), h('ol.versions', versions.map((v) => h('li',
      t('locker.versionLine', { label: v.label, author: nameOf(v.author), date: formatDate(v.created, lang()),
        size: formatSize(v.size) }), v.comment ? h('span.comment', ` — ${v.comment}`) : null,
      v.published === true ? h('span.badge.muted', ` ${t('locker.publishedToGuardians')}`) : null,
      v.published === false ? publishButton(v) : null))));
    historyButton.setAttribute('aria-expanded', 'true');
  };
  const publishButton = (v) => {
    const button = h('button.publish', { type: 'button' }, t('locker.publishToGuardians'),
      h('span.visually-hidden', ` ${t('locker.versionLabel', { label: v.label })}`));
    button.addEventListener('click', async () => {
      try {
        render(await post(`/lockers/documents/${id}/versions/${encodeURIComponent(v.label)}/publish`));
        context.announce(t('locker.versionPublished', { label: v.label }));
      } catch (problem) {
        context.announce(problem.text());
      }
    });
    return [' ', button];
  };
  const showHistory = async () => render(await get(`/lockers/documents/${id}/versions`));
  historyButton.addEventListener('click', async () => {
    if (historyButton.getAttribute('aria-expanded') === 'true') {
      clear(history);
      historyButton.setAttribute('aria-expanded', 'false');
      return;
    }
    await showHistory();
  });
  return { history, historyButton, showHistory };
}
