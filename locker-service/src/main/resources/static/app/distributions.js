// My distributions: what I deposited, as a table per view (the seed's "Teachers, Staff and Counselor" and
// "Guardians"), a page at a time; per deposit a bar of who opened it, the receipts by name and class, a CSV file
// and "remind those who have not opened it". Reminders also show in the recipient's locker (reminderMark).
import { ROOT, del, get, post } from './api.js';
import { clear, field, formatDate, h } from './dom.js';
import { label, lang, t } from './i18n.js';
import { describe, loadPeople, nameOf } from './people.js';
import { documentTypes } from './types.js';
import { versionHistory } from './versions.js';

const VIEWS = ['personnel', 'guardians'];

export async function distributionsScreen(container, context, subPath) {
  // names with their context, and document types by the administrator's labels
  await Promise.all([loadPeople(context.me), documentTypes()]);
  const view = VIEWS.includes(subPath) ? subPath : 'personnel';
  const tabs = h('nav.tabs', { 'aria-label': t('distributions.views') }, h('ul', VIEWS.map((v) => h('li',
    h('a', { href: `#/distributions/${v}`, 'aria-current': v === view ? 'page' : null, 'data-view': v },
      t(`distributions.view.${v}`))))));
  const body = h('tbody');
  const table = h('table.report.distributions#distributions', { 'data-view': view },
    h('caption', t(`distributions.view.${view}`)),
    h('thead', h('tr',
      h('th', { scope: 'col' }, t('distributions.document')),
      h('th', { scope: 'col' }, t('locker.date')),
      h('th', { scope: 'col' }, t('distributions.recipients')),
      h('th', { scope: 'col' }, t('distributions.openedColumn')),
      h('th', { scope: 'col' }, t('distributions.actions')))),
    body);
  const more = h('button#distributions-more', { type: 'button', hidden: true }, t('distributions.more'));
  const empty = h('p.empty', { hidden: true }, t('distributions.empty'));
  const wrapper = h('div.table-scroll', table);
  container.append(tabs, empty, wrapper, h('div.actions', more));

  let next = null;
  let loading = false;
  async function loadPage() {
    if (loading) return;
    loading = true;
    more.disabled = true;
    try {
      const query = new URLSearchParams({ audience: view });
      if (next) query.set('cursor', next);
      const page = await get(`/lockers/distributions?${query}`);
      page.items.forEach((d) => body.append(...distributionRows(d, view, context, reload)));
      next = page.next;
      more.hidden = !next;
      empty.hidden = body.children.length > 0;
      wrapper.hidden = !empty.hidden;
    } finally {
      loading = false;
      more.disabled = false;
    }
  }
  async function reload() {
    clear(body);
    next = null;
    await loadPage();
  }
  more.addEventListener('click', loadPage);
  // more on scroll: when the button comes into view, the next page loads by itself
  if ('IntersectionObserver' in window) {
    new IntersectionObserver((seen) => {
      if (seen.some((e) => e.isIntersecting) && next && !loading) loadPage();
    }).observe(more);
  }
  await loadPage();
}

/** A recipient as selected (category:teacher, guardians:6A, team:6A, user:id), in words. */
function selectorLabel(selector) {
  const [kind, value] = selector.split(':');
  if (kind === 'category') return t(`deposit.whole.${value}`);
  if (kind === 'guardians') return t('selector.guardians', { code: value });
  if (kind === 'team') return t('selector.team', { code: value });
  if (kind === 'user') return describe(value);
  return selector;
}

/** A deposit's row (bar and counts, actions) and the row below it that holds its receipts when shown. */
function distributionRows(d, view, context, reload) {
  const total = d.openedCount + d.notOpenedCount;
  const panel = h('td', { colspan: '5' });
  const receiptsRow = h('tr.receipts-row', { hidden: true, 'data-receipts': d.id }, panel);
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false' }, t('distributions.receipts'),
    h('span.visually-hidden', ` ${d.name}`));
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    receiptsRow.hidden = open;
    if (!open) await showReceipts(panel, d, view, context);
  });
  const withdraw = h('button.danger', { type: 'button' }, t('distributions.withdraw'),
    h('span.visually-hidden', ` ${d.name}`));
  withdraw.addEventListener('click', async () => {
    if (!window.confirm(t('distributions.confirmWithdraw', { name: d.name }))) return;
    try {
      await del(`/lockers/documents/${d.id}`);
      context.announce(t('distributions.withdrawn', { name: d.name }));
      await reload();
    } catch (problem) {
      context.announce(problem.text());
    }
  });
  // the depositor's version history, where a co-recipient's version is given to guardians (decision 0014)
  const { history, historyButton } = versionHistory(d.id, context, 'h2');
  const row = h('tr.distribution', { 'data-document': d.id },
    h('th', { scope: 'row' },
      h('span.doc-title', d.name), d.withdrawn ? h('span.badge.muted', ` ${t('distributions.isWithdrawn')}`) : null,
      h('div.meta', label('docType', d.documentType), d.versions > 1
        ? ` · ${t('distributions.versions', { count: d.versions })}` : null),
      d.publishFrom ? h('div.meta', t('locker.windowRange', { from: formatDate(d.publishFrom, lang()),
        to: formatDate(d.publishTo, lang()) }), ` (${label('window', d.windowState)})`) : null,
      history),
    h('td', formatDate(d.depositedAt, lang())),
    h('td', d.selection.map(selectorLabel).join(', ')),
    h('td.opened-cell',
      h('meter.opened-bar', { min: '0', max: String(Math.max(total, 1)), value: String(d.openedCount),
        'aria-label': t('distributions.bar', { opened: d.openedCount, total }) }),
      h('div.counts', t('distributions.counts', { opened: d.openedCount, notOpened: d.notOpenedCount }))),
    h('td', h('div.actions', toggle, historyButton, d.withdrawn ? null : withdraw)));
  return [row, receiptsRow];
}

/** The receipts of one deposit: filter by class, sort, remind those who have not opened it, CSV. */
async function showReceipts(panel, d, view, context, done = '') {
  clear(panel, h('p', t('distributions.loading')));
  const receipts = await get(`/lockers/distributions/${d.id}/receipts?audience=${view}`);
  const classes = [...new Set(receipts.flatMap((r) => r.classes))].sort();
  const classFilter = h('select', { name: 'class' }, h('option', { value: '' }, t('distributions.allClasses')),
    classes.map((c) => h('option', { value: c }, c)));
  const sort = h('select', { name: 'sort' }, ['name', 'class', 'opened'].map((key) =>
    h('option', { value: key }, t(`distributions.sort.${key}`))));
  const csv = h('a.button.csv', { download: `${d.name}.csv` }, t('distributions.csv'),
    h('span.visually-hidden', ` ${d.name}`));
  const remind = h('button.remind', { type: 'button' });
  // after a reminder the receipts are drawn again (their dates), saying what was done
  const result = h(done ? 'p.remind-result.success' : 'p.remind-result', { 'aria-live': 'polite' }, done);
  const list = h('tbody');
  const notOpened = receipts.filter((r) => !r.opened).length;
  clear(remind, t('distributions.remind', { count: notOpened }), h('span.visually-hidden', ` ${d.name}`));
  remind.hidden = d.withdrawn || notOpened === 0;
  remind.addEventListener('click', async () => {
    remind.disabled = true;
    try {
      const reminded = await post(`/lockers/distributions/${d.id}/reminders?audience=${view}`);
      const message = t('distributions.reminded', { count: reminded.reminded });
      context.announce(message);
      await showReceipts(panel, d, view, context, message);
    } catch (problem) {
      result.className = 'remind-result error';
      result.textContent = problem.text();
      remind.disabled = false;
    }
  });

  const draw = () => {
    const code = classFilter.value;
    const shown = receipts.filter((r) => !code || r.classes.includes(code));
    const byName = (a, b) => a.name.localeCompare(b.name, lang());
    const comparators = {
      name: byName,
      class: (a, b) => (a.classes.join(' ') || '~').localeCompare(b.classes.join(' ') || '~') || byName(a, b),
      // the most recent openings first, those who have not opened it last
      opened: (a, b) => (b.openedAt || '').localeCompare(a.openedAt || '') || byName(a, b),
    };
    shown.sort(comparators[sort.value]);
    const query = new URLSearchParams({ audience: view, lang: lang() });
    if (code) query.set('class', code);
    csv.href = `${ROOT}/api/v1/lockers/distributions/${d.id}/receipts.csv?${query}`;
    clear(list, shown.length ? shown.map((r) => h('tr', { 'data-user-name': r.name },
      h('th', { scope: 'row' }, r.name),
      h('td', r.profile ? t(`profile.${r.profile}`) : ''),
      h('td', r.classes.join(', ')),
      h('td', r.opened ? formatDate(r.openedAt, lang()) : h('span.not-opened', t('distributions.notOpenedYet'))),
      h('td', r.remindedAt ? formatDate(r.remindedAt, lang()) : ''))) : h('tr', h('td', { colspan: '5' },
      t('distributions.noReceipt'))));
  };
  classFilter.addEventListener('change', draw);
  sort.addEventListener('change', draw);
  draw();
  clear(panel,
    h('div.filters', field(t('distributions.class'), classFilter), field(t('distributions.sortBy'), sort)),
    h('table.report.receipts', { 'data-receipts-of': d.id },
      h('caption', t('distributions.receiptsOf', { name: d.name })),
      h('thead', h('tr', ['name', 'profile', 'class', 'opened', 'reminded'].map((key) =>
        h('th', { scope: 'col' }, t(`distributions.column.${key}`))))),
      list),
    h('div.actions', remind, csv), result);
}

let reminders = null;

/** Loads the reminders of the signed-in person once per screen (their locker). */
export async function loadReminders() {
  try {
    reminders = new Map((await get('/lockers/reminders')).map((r) => [r.depositId, r]));
  } catch {
    reminders = new Map();
  }
}

/** The "reminder" mark of a document of my locker, if its depositor reminded me and I have not opened it. */
export function reminderMark(entry) {
  const reminder = reminders && !entry.opened ? reminders.get(entry.depositId) : null;
  if (!reminder) return null;
  return h('p.reminder', { 'data-reminder': entry.depositId },
    h('span.badge.reminder-badge', t('locker.reminder')), ' ',
    t('locker.remindedBy', { name: reminder.remindedByName || nameOf(reminder.remindedBy),
      date: formatDate(reminder.at, lang()) }));
}
