// My locker (documents received); my distributions are in distributions.js.
import { ROOT, get, upload } from './api.js';
import { loadReminders, reminderMark } from './distributions.js';
import { clear, field, formatDate, h } from './dom.js';
import { label, lang, t } from './i18n.js';
import { documentTypes } from './types.js';
import { describePerson, findByName, knownPeople, loadPeople, nameOf } from './people.js';
import { previewButton, previewable } from './preview.js';
import { versionHistory } from './versions.js';

function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => { if (value) search.set(key, value); });
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function lockerScreen(container, context) {
  const [types] = await Promise.all([documentTypes(), loadPeople(context.me), loadReminders()]);
  const type = h('select', { name: 'type' }, h('option', { value: '' }, t('locker.allTypes')),
    types.map((code) => h('option', { value: code }, label('docType', code))));
  // the depositor by name (people known on this page), sent to the API as the person it designates
  const depositor = h('input', { name: 'depositor', type: 'search', list: 'depositor-names', autocomplete: 'off' });
  const depositorNames = h('datalist#depositor-names', knownPeople().filter((p) => p.id !== context.me.id)
    .map((p) => h('option', { value: describePerson(p) })));
  const depositorField = field(t('locker.depositor'), depositor, { hint: t('locker.depositorHint') });
  const from = h('input', { name: 'from', type: 'date' });
  const to = h('input', { name: 'to', type: 'date' });
  const results = h('div#locker-results', { 'aria-live': 'polite' });
  const filters = h('form.filters.card', { 'aria-label': t('locker.filters'), id: 'locker-filters' },
    field(t('locker.type'), type), depositorField, depositorNames,
    field(t('locker.from'), from), field(t('locker.to'), to),
    h('div.actions', h('button.primary', { type: 'submit' }, t('locker.filter'))));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  container.append(foldedOnPhone(filters), results);

  // a page at a time (50, newest first): the next page comes when the end of the list scrolls into view, or
  // with "Show more" (for keyboards); the filters are the server's, so each page is already filtered
  let generation = 0;
  async function load() {
    const depositorId = depositor.value.trim() ? findByName(depositor.value) : '';
    if (depositorId === null) {
      depositorField.showError(t('locker.depositorUnknown'));
      return;
    }
    const mine = ++generation;
    const filter = { type: type.value, depositor: depositorId, from: from.value, to: to.value };
    const first = await get(`/lockers/mine${query(filter)}`);
    if (mine !== generation) return;
    clear(results);
    if (first.entries.length === 0) {
      results.append(h('p.empty', t('locker.empty')));
      return;
    }
    const entries = [];
    let next = null;
    let loading = false;
    // the summary follows the downloads made on this page (a download records the opening)
    const summary = h('p.summary#locker-summary');
    const count = () => {
      const unread = entries.filter((e) => !e.opened).length;
      summary.textContent = t(next ? 'locker.countMore' : 'locker.count', { count: entries.length, unread });
    };
    const list = h('ul.cards#locker-list');
    const more = h('button#locker-more', { type: 'button' }, t('locker.more'));
    const sentinel = h('div#locker-end', { 'aria-hidden': 'true' });
    const observer = 'IntersectionObserver' in window
      ? new IntersectionObserver((seen) => { if (seen.some((e) => e.isIntersecting)) showMore(); }) : null;
    const append = (page) => {
      entries.push(...page.entries);
      next = page.next;
      list.append(...page.entries.map((entry) => h('li', documentCard(entry, context, count))));
      more.hidden = !next;
      if (!next && observer) observer.disconnect();
      count();
    };
    async function showMore() {
      if (loading || !next || mine !== generation) return;
      loading = true;
      more.disabled = true;
      try {
        const page = await get(`/lockers/mine${query({ ...filter, cursor: next })}`);
        if (mine === generation) append(page);
      } finally {
        loading = false;
        more.disabled = false;
      }
    }
    more.addEventListener('click', showMore);
    results.append(summary, list, sentinel, h('div.actions', more));
    append(first);
    if (observer && next) observer.observe(sentinel);
  }
  await load();
}

/** The filters in a fold: closed on a phone, so that the documents come first; open on a wider screen. */
function foldedOnPhone(filters) {
  return h('details.filters-fold#locker-filters-fold', { open: window.matchMedia('(min-width: 48rem)').matches },
    h('summary', t('locker.filters')), filters);
}

function documentCard(entry, context, onOpened) {
  const card = h('article.card.document', { 'data-document': entry.id, 'aria-labelledby': `doc-${entry.id}` });
  const badge = entry.opened ? null : h('span.badge', t('locker.unread'));
  const download = h('a.button', { href: `${ROOT}/api/v1/lockers/documents/${entry.id}/content`, download: entry.name },
    t('locker.download'), h('span.visually-hidden', ` ${entry.name}`));
  const markOpened = () => {
    if (badge) badge.remove();
    if (!entry.opened) {
      entry.opened = true;
      onOpened();
      window.dispatchEvent(new CustomEvent('locker:document-opened')); // the menu's "new" count follows
    }
  };
  download.addEventListener('click', markOpened);
  const { history, historyButton, showHistory } = versionHistory(entry.id, context);
  const version = h('dd.version', entry.version || '1.0');
  // a new version sent from this card shows at once: its label, and the history when it is open
  const versionAdded = async (added) => {
    version.textContent = added.label;
    if (historyButton.getAttribute('aria-expanded') === 'true') await showHistory();
  };
  clear(card,
    h('h2.doc-title', { id: `doc-${entry.id}` }, entry.name, badge ? ' ' : null, badge),
    h('dl.meta',
      h('dt', t('locker.type')), h('dd', label('docType', entry.documentType)),
      h('dt', t('locker.depositor')), h('dd', nameOf(entry.depositor)),
      h('dt', t('locker.date')), h('dd', formatDate(entry.depositedAt, lang())),
      h('dt', t('locker.version')), version,
      entry.publishTo ? [h('dt', t('locker.window')), h('dd', t('locker.windowRange', {
        from: formatDate(entry.publishFrom, lang()), to: formatDate(entry.publishTo, lang()) }))] : null),
    reminderMark(entry),
    entry.memo ? h('details.memo', h('summary', t('locker.memo')), h('p.text', entry.memo)) : null,
    h('div.actions', previewable(entry.mimeType) ? previewButton(entry, markOpened) : null, download, historyButton),
    history,
    entry.canModify ? newVersionForm(entry, context, versionAdded) : null);
  return card;
}

function newVersionForm(entry, context, versionAdded) {
  const file = h('input', { type: 'file', name: 'file', required: true });
  const comment = h('input', { name: 'comment' });
  const fileField = field(t('locker.newVersionFile'), file);
  const progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': t('deposit.progress') });
  const form = h('form.new-version', h('h3', t('locker.newVersion')), fileField,
    field(t('locker.comment'), comment), progress,
    h('div.actions', h('button', { type: 'submit' }, t('locker.sendVersion'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fileField.showError('');
    const data = new FormData();
    if (file.files[0]) data.append('file', file.files[0]);
    data.append('comment', comment.value);
    progress.hidden = false;
    try {
      const version = await upload(`/lockers/documents/${entry.id}/versions`, data, (p) => { progress.value = p; });
      context.announce(t('locker.versionAdded', { label: version.label }));
      form.reset();
      await versionAdded(version);
    } catch (problem) {
      fileField.showError(problem.text());
    } finally {
      progress.hidden = true;
    }
  });
  return form;
}
