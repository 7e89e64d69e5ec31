// My locker (documents received); my distributions are in distributions.js.
import { ROOT, get, upload } from './api.js';
import { loadReminders, reminderMark } from './distributions.js';
import { clear, field, formatDate, formatSize, h } from './dom.js';
import { label, lang, t } from './i18n.js';
import { loadPeople, nameOf } from './people.js';

function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => { if (value) search.set(key, value); });
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function lockerScreen(container, context) {
  const [types] = await Promise.all([get('/lockers/document-types'), loadPeople(context.me), loadReminders()]);
  const type = h('select', { name: 'type' }, h('option', { value: '' }, t('locker.allTypes')),
    types.map((code) => h('option', { value: code }, label('docType', code))));
  const depositor = h('input', { name: 'depositor', type: 'search' });
  const from = h('input', { name: 'from', type: 'date' });
  const to = h('input', { name: 'to', type: 'date' });
  const results = h('div#locker-results', { 'aria-live': 'polite' });
  const filters = h('form.filters.card', { 'aria-label': t('locker.filters'), id: 'locker-filters' },
    field(t('locker.type'), type), field(t('locker.depositor'), depositor, { hint: t('locker.depositorHint') }),
    field(t('locker.from'), from), field(t('locker.to'), to),
    h('div.actions', h('button.primary', { type: 'submit' }, t('locker.filter'))));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  container.append(filters, results);

  async function load() {
    const entries = await get(`/lockers/mine${query({ type: type.value, depositor: depositor.value.trim(),
      from: from.value, to: to.value })}`);
    clear(results);
    if (entries.length === 0) {
      results.append(h('p.empty', t('locker.empty')));
      return;
    }
    // the summary follows the downloads made on this page (a download records the opening)
    const summary = h('p.summary#locker-summary');
    const count = () => {
      const unread = entries.filter((e) => !e.opened).length;
      summary.textContent = t('locker.count', { count: entries.length, unread });
    };
    count();
    results.append(summary, h('ul.cards', entries.map((entry) => h('li', documentCard(entry, context, count)))));
  }
  await load();
}

function documentCard(entry, context, onOpened) {
  const card = h('article.card.document', { 'data-document': entry.id, 'aria-labelledby': `doc-${entry.id}` });
  const badge = entry.opened ? null : h('span.badge', t('locker.unread'));
  const download = h('a.button', { href: `${ROOT}/api/v1/lockers/documents/${entry.id}/content`, download: entry.name },
    t('locker.download'), h('span.visually-hidden', ` ${entry.name}`));
  download.addEventListener('click', () => {
    if (badge) badge.remove();
    if (!entry.opened) {
      entry.opened = true;
      onOpened();
    }
  });
  const history = h('div.history');
  const historyButton = h('button', { type: 'button', 'aria-expanded': 'false' }, t('locker.history'));
  const showHistory = async () => {
    const versions = await get(`/lockers/documents/${entry.id}/versions`);
    clear(history, h('h3', t('locker.versions')), h('ol.versions', versions.map((v) => h('li',
      t('locker.versionLine', { label: v.label, author: nameOf(v.author), date: formatDate(v.created, lang()),
        size: formatSize(v.size) }), v.comment ? h('span.comment', ` — ${v.comment}`) : null))));
    historyButton.setAttribute('aria-expanded', 'true');
  };
  historyButton.addEventListener('click', async () => {
    if (historyButton.getAttribute('aria-expanded') === 'true') {
      clear(history);
      historyButton.setAttribute('aria-expanded', 'false');
      return;
    }
    await showHistory();
  });
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
    h('div.actions', download, historyButton),
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
