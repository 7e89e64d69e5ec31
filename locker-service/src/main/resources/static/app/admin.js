// Administrators: discussion settings, guardian document exchange and document types, directory import, audit.
import { ROOT, get, put, upload } from './api.js';
import { checkbox, clear, field, formatDate, h } from './dom.js';
import { label, lang, t } from './i18n.js';
import { documentTypes, forgetDocumentTypes } from './types.js';

const PROFILES = ['teacher', 'staff', 'counselor', 'guardian', 'student', 'administrator'];

function failure(problem) {
  return h('p.error', { role: 'alert' }, problem.text ? problem.text() : String(problem));
}

/** "Emma Martin (6A)": a student as people know them. */
function studentLabel(student) {
  return student.classes?.length ? `${student.displayName} (${student.classes.join(', ')})` : student.displayName;
}

function folded(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * The students barred from starting discussions, picked from the directory (search by name or class) rather than
 * typed as identifiers. Returns the element and a function giving the chosen ids.
 */
async function studentPicker(initialIds) {
  const students = await get('/directory/persons?profile=student&limit=5000');
  const byId = new Map(students.map((s) => [s.id, s]));
  const chosen = new Set(initialIds);
  const labelOf = (id) => (byId.has(id) ? studentLabel(byId.get(id)) : t('settings.unknownStudent'));
  const search = h('input', { type: 'search', name: 'studentSearch', autocomplete: 'off' });
  const results = h('ul.student-results#ban-results');
  const list = h('ul.chosen#ban-list');
  const status = h('p.visually-hidden', { role: 'status', 'aria-live': 'polite' });
  const renderChosen = () => {
    clear(list, ...[...chosen].sort((a, b) => labelOf(a).localeCompare(labelOf(b), lang())).map((id) => h('li',
      h('span', labelOf(id)), ' ',
      h('button.link', { type: 'button', 'aria-label': t('settings.unbar', { name: labelOf(id) }),
        onclick: () => { chosen.delete(id); renderChosen(); renderResults(); status.textContent = t('settings.unbarred', { name: labelOf(id) }); search.focus(); } },
      t('settings.remove')))));
    if (chosen.size === 0) list.append(h('li.hint', t('settings.nobodyBarred')));
  };
  const renderResults = () => {
    const q = folded(search.value.trim());
    if (!q) {
      clear(results);
      return;
    }
    const found = students.filter((s) => !chosen.has(s.id)
      && (folded(s.displayName).includes(q) || (s.classes || []).some((c) => folded(c).startsWith(q)))).slice(0, 20);
    clear(results, ...(found.length === 0 ? [h('li.hint', t('settings.noStudentFound'))]
      : found.map((s) => h('li', h('button.link', { type: 'button',
        onclick: () => { chosen.add(s.id); renderChosen(); renderResults(); status.textContent = t('settings.barred', { name: studentLabel(s) }); search.focus(); } },
      t('settings.bar', { name: studentLabel(s) }))))));
  };
  search.addEventListener('input', renderResults);
  renderChosen();
  const element = h('div.student-picker#initiation-blocked',
    field(t('settings.initiationBlockedSearch'), search, { hint: t('settings.initiationBlockedHint') }),
    results, h('p', h('strong', t('settings.initiationBlocked'))), list, status);
  return { element, ids: () => [...chosen] };
}

export async function discussionSettingsScreen(container, context) {
  const s = await get('/discussions/settings');
  const enabled = checkbox(t('settings.enabled'), { checked: s.enabled });
  const guardianMessaging = checkbox(t('settings.guardianMessaging'), { checked: s.guardianMessagingEnabled });
  const windowEnforced = checkbox(t('settings.windowEnforced'), { checked: s.windowEnforced });
  const start = h('input', { type: 'time', name: 'windowStart', value: s.windowStart });
  const end = h('input', { type: 'time', name: 'windowEnd', value: s.windowEnd });
  const profiles = PROFILES.map((p) => checkbox(t(`settings.profile.${p}`),
    { value: p, checked: !s.disabledProfiles.includes(p) }));
  const blocked = await studentPicker(s.initiationBlocked);
  const outcome = h('div');
  const form = h('form.card#discussion-settings-form',
    h('fieldset', h('legend', t('settings.step1')), enabled, guardianMessaging,
      h('p.hint', t('settings.guardianMessagingHint'))),
    h('fieldset', h('legend', t('settings.step2')), windowEnforced,
      h('div.inline', field(t('settings.windowStart'), start), field(t('settings.windowEnd'), end)),
      h('p.hint', t('settings.zone', { zone: s.zone }))),
    h('fieldset', h('legend', t('settings.step3')), h('p.hint', t('settings.profilesHint')), profiles,
      blocked.element),
    h('div.actions', h('button.primary', { type: 'submit' }, t('app.save'))), outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(outcome);
    try {
      await put('/discussions/settings', {
        enabled: enabled.input.checked, guardianMessagingEnabled: guardianMessaging.input.checked,
        windowEnforced: windowEnforced.input.checked, windowStart: start.value, windowEnd: end.value, zone: s.zone,
        disabledProfiles: profiles.filter((b) => !b.input.checked).map((b) => b.input.value),
        initiationBlocked: blocked.ids(),
      });
      context.announce(t('app.saved'));
      outcome.append(h('p.success', t('app.saved')));
    } catch (problem) {
      outcome.append(failure(problem));
    }
  });
  container.append(form);
}

/**
 * One row per document type: its French and English labels (a type the app already names shows the app's label).
 * A kept type keeps its code; a new one gets a code derived from its label by the service.
 */
function typeRow(type, rows, onRemove) {
  const fr = h('input.type-fr', { name: 'labelFr', maxlength: '100', value: type.fr || '' });
  const en = h('input.type-en', { name: 'labelEn', maxlength: '100', value: type.en || '' });
  // the app's own label of a seed type, in this page's language, when the administrator gave none
  const own = lang() === 'fr' ? fr : en;
  if (type.code && !own.value) own.value = label('docType', type.code);
  const number = rows.length + 1;
  const remove = h('button.link', { type: 'button' }, t('lockerSettings.removeType'));
  const row = h('li.type-row', { 'data-code': type.code || null },
    field(t('lockerSettings.labelFr', { number }), fr), field(t('lockerSettings.labelEn', { number }), en), remove);
  remove.setAttribute('aria-label', t('lockerSettings.removeTypeNamed', { name: own.value || number }));
  remove.addEventListener('click', () => onRemove(row));
  row.read = () => ({ code: type.code || undefined, fr: fr.value.trim(), en: en.value.trim() });
  row.focus = () => fr.focus();
  return row;
}

export async function lockerSettingsScreen(container, context) {
  const [s] = await Promise.all([get('/lockers/settings'), documentTypes()]);
  const exchange = checkbox(t('lockerSettings.guardianExchange'), { checked: s.guardianExchange });
  const macros = checkbox(t('lockerSettings.macroEnabledDocuments'), { checked: s.macroEnabledDocuments });
  const list = h('ul.type-rows#document-types');
  const rows = [];
  const removeRow = (row) => {
    rows.splice(rows.indexOf(row), 1);
    row.remove();
    add.focus();
  };
  const addRow = (type) => {
    const row = typeRow(type, rows, removeRow);
    rows.push(row);
    list.append(row);
    return row;
  };
  (s.types || s.documentTypes.map((code) => ({ code, en: '', fr: '' }))).forEach(addRow);
  const add = h('button#add-document-type', { type: 'button' }, t('lockerSettings.addType'));
  add.addEventListener('click', () => addRow({}).focus());
  const outcome = h('div');
  const form = h('form.card#locker-settings-form',
    h('fieldset', h('legend', t('lockerSettings.exchange')), exchange, h('p.hint', t('lockerSettings.exchangeHint'))),
    h('fieldset', h('legend', t('lockerSettings.macros')), macros, h('p.hint', t('lockerSettings.macrosHint'))),
    h('fieldset', h('legend', t('lockerSettings.types')), h('p.hint', t('lockerSettings.typesHint')), list,
      h('div.actions', add)),
    h('div.actions', h('button.primary', { type: 'submit' }, t('app.save'))), outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(outcome);
    try {
      await put('/lockers/settings', {
        guardianExchange: exchange.input.checked, macroEnabledDocuments: macros.input.checked,
        types: rows.map((row) => row.read()).filter((type) => type.code || type.fr || type.en),
      });
      forgetDocumentTypes();
      await documentTypes();
      context.announce(t('app.saved'));
      outcome.append(h('p.success', t('app.saved')));
    } catch (problem) {
      outcome.append(failure(problem));
    }
  });
  container.append(form);
}

/** How often a running import is asked for its progress. */
const IMPORT_POLL_MS = 400;
// a service restarting keeps the job and runs it again (decision 0028): the screen waits for it this long
const IMPORT_UNREACHABLE_MS = 10 * 60 * 1000;

export async function importScreen(container, context) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const dryRun = checkbox(t('import.dryRun'), { checked: true });
  // sending the file, then the job's persons: "1,234 of 5,000 persons", said as it goes
  const progress = h('progress#import-progress', { max: '1', value: '0', 'aria-labelledby': 'import-progress-text' });
  const progressText = h('p#import-progress-text', { 'aria-live': 'polite' });
  const progressBox = h('div.import-progress', progress, progressText);
  progressBox.hidden = true;
  const report = h('div#import-report', { 'aria-live': 'polite' });
  const fileField = field(t('import.file'), file, { hint: t('import.fileHint') });
  const submit = h('button.primary', { type: 'submit' }, t('import.run'));
  const form = h('form.card#import-form', fileField, dryRun, h('div.actions', submit), progressBox, report);
  const number = new Intl.NumberFormat(lang());
  const show = (job) => {
    progress.max = String(Math.max(job.total, 1));
    progress.value = String(job.done);
    progressText.textContent = t('import.progress', { done: number.format(job.done), total: number.format(job.total) });
  };
  // the job as the service keeps it; asked again while the service cannot be reached (restarting, or its proxy
  // answering for it), since the job survives a restart
  const jobNow = async (id) => {
    const since = Date.now();
    for (;;) {
      try {
        return await get(`/directory/imports/${encodeURIComponent(id)}`);
      } catch (problem) {
        const unreachable = problem instanceof TypeError || [502, 503, 504].includes(problem.status);
        if (!unreachable || Date.now() - since > IMPORT_UNREACHABLE_MS) throw problem;
        progressText.textContent = t('import.unreachable');
        await new Promise((resolve) => { setTimeout(resolve, 2 * IMPORT_POLL_MS); });
      }
    }
  };
  // the jobs the service keeps (decision 0028): what an administrator sent earlier, or before a restart
  const recent = h('section#import-recent', { 'aria-labelledby': 'import-recent-title' });
  const outcome = (job) => {
    if (job.state === 'done') {
      return t('import.outcomeDone', { persons: number.format(job.report.persons),
        created: number.format(job.report.usersCreated), updated: number.format(job.report.usersUpdated) });
    }
    if (job.state === 'refused') return t('import.outcomeRefused', { count: number.format(job.problemCount) });
    if (job.total > 0 && (job.state === 'running' || job.state === 'failed')) {
      return t('import.progress', { done: number.format(job.done), total: number.format(job.total) });
    }
    return '';
  };
  const showRecent = async () => {
    let jobs;
    try {
      jobs = await get('/directory/imports');
    } catch (problem) {
      clear(recent);
      recent.append(failure(problem));
      return;
    }
    clear(recent);
    recent.append(h('h2#import-recent-title', t('import.recent')));
    if (jobs.length === 0) {
      recent.append(h('p', t('import.noneYet')));
      return;
    }
    recent.append(h('table.report',
      h('thead', h('tr', ['import.queuedAt', 'import.by', 'import.kind', 'import.state', 'import.outcome']
        .map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', jobs.map((job) => h('tr',
        h('td', formatDate(job.queuedAt, lang())),
        h('td', job.byName || t('people.unknown')),
        h('td', job.dryRun ? t('import.kindCheck') : t('import.kindApply')),
        h('td', t(`import.state.${job.state}`)),
        h('td', outcome(job)))))));
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(report);
    fileField.showError('');
    if (!file.files[0]) {
      fileField.showError(t('import.noFile'));
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    progressBox.hidden = false;
    progress.max = '1';
    progress.value = '0';
    progressText.textContent = t('import.sending');
    submit.disabled = true;
    try {
      let job = await upload(`/directory/imports?dryRun=${dryRun.input.checked}`, data, (p) => { progress.value = p; });
      progressText.textContent = t('import.started');
      while (job.state === 'queued' || job.state === 'running') {
        await new Promise((resolve) => { setTimeout(resolve, IMPORT_POLL_MS); });
        job = await jobNow(job.id);
        if (job.total > 0) show(job);
      }
      if (job.state === 'refused') {
        progressBox.hidden = true;
        report.append(h('p.error', { role: 'alert' }, t('import.refused')), h('table.report',
          h('caption', t('import.problems')),
          h('thead', h('tr', h('th', { scope: 'col' }, t('import.line')), h('th', { scope: 'col' }, t('import.code')),
            h('th', { scope: 'col' }, t('import.message')))),
          h('tbody', job.problems.map((p) => h('tr', h('td', String(p.line)), h('td', p.code),
            h('td', p.message))))));
        return;
      }
      if (job.state !== 'done') {
        progressBox.hidden = true;
        report.append(h('p.error', { role: 'alert' }, t('import.failed')));
        return;
      }
      show(job);
      const r = job.report;
      report.append(h('h2', r.applied ? t('import.applied') : t('import.checked')), h('table.report',
        h('caption.visually-hidden', t('import.report')),
        h('tbody', ['classes', 'persons', 'usersCreated', 'usersUpdated', 'groupsCreated', 'membershipsAdded',
          'membershipsRemoved'].map((key) => h('tr', h('th', { scope: 'row' }, t(`import.${key}`)),
          h('td', number.format(r[key])))))));
      context.announce(r.applied ? t('import.applied') : t('import.checked'));
    } catch (problem) {
      progressBox.hidden = true;
      report.append(failure(problem));
    } finally {
      submit.disabled = false;
      showRecent();
    }
  });
  container.append(form, recent);
  showRecent();
}

const AUDIT_ACTIONS = ['DEPOSITED', 'OPENED', 'NEW_VERSION', 'VERSION_PUBLISHED', 'WITHDRAWN', 'SETTINGS_CHANGED',
  'DISCUSSION_SETTINGS_CHANGED', 'DIRECTORY_IMPORTED', 'SIGN_IN_LOCKED', 'COLLECT_REQUEST_CREATED',
  'COLLECT_REQUEST_SCHEDULED', 'COLLECT_REQUEST_PUBLISHED', 'COLLECT_REQUEST_WITHDRAWN', 'COLLECT_REMINDER_SENT',
  'COLLECT_HANDED_IN', 'COLLECT_HANDED_IN_DOWNLOADED', 'COLLECT_STATES_EXPORTED'];

/** "[user:t.girard, guardians:6A]" (a deposit's recipients as the engine records them) said as names. */
function recipientsSaid(list, names) {
  return list.replace(/^\[|\]$/g, '').split(',').map((item) => item.trim()).filter(Boolean).map((selector) => {
    const [kind, value = ''] = selector.split(':');
    if (kind === 'user') return names.get(value) || t('people.unknown');
    if (kind === 'category') return t(`deposit.whole.${value}`);
    if (kind === 'guardians') return t('audit.guardiansOf', { code: value });
    if (kind === 'team') return t('audit.teamOf', { code: value });
    // a long list is cut after 20: "... (25 in all)"
    const all = selector.match(/\((\d+) in all\)/);
    return all ? t('audit.inAll', { count: all[1] }) : null;
  }).filter(Boolean).join(', ');
}

/**
 * A collect request's detail ("replace=true; late=false; child=st.emma; files=a.pdf, b.pdf") in words: flags as
 * phrases, dates in the reader's language, the child by name. The file names come last and may hold "; ".
 */
function collectDetail(entry, names) {
  const [pairs, files] = entry.action === 'COLLECT_HANDED_IN'
    ? [entry.detail.replace(/(^|; )files=.*$/s, ''), (entry.detail.match(/(?:^|; )files=(.*)$/s) || [])[1]]
    : [entry.detail, undefined];
  const said = pairs.split('; ').filter(Boolean).map((pair) => {
    const [key, value = ''] = pair.split('=');
    switch (key) {
      case 'scheduled': return value === 'true' ? t('audit.collect.scheduled') : null;
      case 'automatic': return t(value === 'true' ? 'audit.collect.automatic' : 'audit.collect.onDemand');
      case 'replace': return t(value === 'true' ? 'audit.collect.replaced' : 'audit.collect.added');
      case 'late': return value === 'true' ? t('audit.collect.late') : null;
      case 'state':
      case 'previousState':
        return t('audit.pair', { key: t(`audit.key.${key}`), value: t(`collect.requestState.${value}`) });
      case 'publishAt':
      case 'deadline':
        return t('audit.pair', { key: t(`audit.key.${key}`), value: formatDate(value, lang()) });
      case 'child':
        return t('audit.pair', { key: t('audit.key.child'), value: names.get(value) || t('people.unknown') });
      default: return t('audit.pair', { key: t(`audit.key.${key}`), value });
    }
  }).filter(Boolean);
  if (files !== undefined) said.push(t('audit.pair', { key: t('audit.key.files'), value: files }));
  return said.join(t('audit.separator'));
}

/** A detail said with the screen's own labels ("Users created: 1, ..."), people by name, never a code. */
function auditDetail(entry, names) {
  if (!entry.detail) return '';
  switch (entry.action) {
    case 'DEPOSITED': {
      const recipients = entry.detail.replace(/^recipients=/, '');
      return t('audit.pair', { key: t('audit.key.recipients'), value: recipientsSaid(recipients, names) });
    }
    case 'OPENED':
      return entry.detail === 'first opening' ? t('audit.firstOpening') : '';
    case 'NEW_VERSION': {
      const [, version = '', comment = ''] = entry.detail.match(/^version=(\S+)\s?(.*)$/s) || [];
      return comment ? t('audit.versionWithComment', { version, comment }) : t('audit.version', { version });
    }
    case 'SETTINGS_CHANGED': {
      const types = (entry.detail.match(/types=\[([^\]]*)\]/) || [])[1] || '';
      const flag = (key) => ((entry.detail.match(new RegExp(`${key}=(true|false)`)) || [])[1] === 'true'
        ? t('audit.on') : t('audit.off'));
      return [t('audit.pair', { key: t('audit.key.documentTypes'),
        value: types.split(',').map((code) => code.trim()).filter(Boolean).map((code) => label('docType', code))
          .join(', ') || '—' }),
      t('audit.pair', { key: t('audit.key.guardianExchange'), value: flag('guardianExchange') }),
      t('audit.pair', { key: t('audit.key.macroEnabledDocuments'), value: flag('macroEnabledDocuments') })]
        .join(t('audit.separator'));
    }
    case 'SIGN_IN_LOCKED':
      return '';
    case 'COLLECT_REQUEST_CREATED':
    case 'COLLECT_REQUEST_SCHEDULED':
    case 'COLLECT_REQUEST_PUBLISHED':
    case 'COLLECT_REQUEST_WITHDRAWN':
    case 'COLLECT_REMINDER_SENT':
    case 'COLLECT_HANDED_IN':
    case 'COLLECT_HANDED_IN_DOWNLOADED':
    case 'COLLECT_STATES_EXPORTED':
      return collectDetail(entry, names);
    case 'DISCUSSION_SETTINGS_CHANGED':
    case 'DIRECTORY_IMPORTED':
      return entry.detail.split('; ').map((pair) => {
        const [key, value = ''] = pair.split('=');
        const shown = value === 'true' ? t('audit.on') : value === 'false' ? t('audit.off')
          : key === 'disabledProfiles' ? value.split(',').filter(Boolean).map((p) => t(`settings.profile.${p}`)).join(', ')
            : key === 'initiationBlocked' ? value.split(',').filter(Boolean).map((id) => names.get(id) || t('settings.unknownStudent')).join(', ')
              : key === 'window' ? value.replace('-', ' – ') : value;
        return t('audit.pair', { key: t(`audit.key.${key}`), value: shown || '—' });
      }).join(t('audit.separator'));
    default:
      return '';
  }
}

/** "Claire Fontaine changed the discussion settings": the action as a sentence, the person by name. */
function auditSentence(entry, names) {
  const known = entry.actorName || names.get(entry.actor);
  const who = known || (entry.action === 'SIGN_IN_LOCKED' ? t('audit.unknownAccount') : t('audit.someone'));
  const key = `audit.sentence.${entry.action}`;
  const sentence = t(key, { who, document: entry.document || '' });
  return sentence === key ? t('audit.sentence.other', { who }) : sentence;
}

export async function auditScreen(container) {
  // the people who act in the trail: every profile but students, by name
  // the document types' labels too, for the settings changes said in words
  const [lists] = await Promise.all([Promise.all(['administrator', 'teacher', 'staff', 'counselor', 'guardian', 'student']
    .map((profile) => get(`/directory/persons?profile=${profile}&limit=5000`).catch(() => []))),
  documentTypes().catch(() => [])]);
  const names = new Map(lists.flat().map((p) => [p.id, p.profile === 'student' ? studentLabel(p) : p.displayName]));
  const everyone = lists.slice(0, 5).flat().sort((a, b) => a.displayName.localeCompare(b.displayName, lang()));
  const actor = h('select', { name: 'actor' }, h('option', { value: '' }, t('audit.anyone')),
    everyone.map((p) => h('option', { value: p.id }, p.displayName)));
  const action = h('select', { name: 'action' }, h('option', { value: '' }, t('audit.anyAction')),
    AUDIT_ACTIONS.map((a) => h('option', { value: a }, t(`audit.actionName.${a}`))));
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const table = h('div#audit-table');
  const csv = h('a.button', { href: `${ROOT}/api/v1/audit.csv`, download: 'audit.csv' }, t('audit.csv'));
  const form = h('form.filters.card#audit-filters',
    h('div.inline', field(t('audit.actor'), actor), field(t('audit.action'), action)),
    h('div.inline', field(t('audit.from'), from), field(t('audit.to'), to)),
    h('div.actions', h('button.primary', { type: 'submit' }, t('locker.filter')), csv));
  const load = async () => {
    const query = new URLSearchParams();
    if (actor.value) query.set('actor', actor.value);
    if (action.value) query.set('action', action.value);
    if (from.value) query.set('from', from.value);
    if (to.value) query.set('to', to.value);
    const suffix = query.toString() ? `?${query}` : '';
    csv.href = `${ROOT}/api/v1/audit.csv${suffix}`;
    let entries;
    try {
      entries = await get(`/audit${suffix}`);
    } catch (problem) {
      clear(table, failure(problem));
      return;
    }
    clear(table, h('table.report.audit', h('caption', t('audit.caption', { count: entries.length })),
      h('thead', h('tr', ['at', 'what', 'detail'].map((k) => h('th', { scope: 'col' }, t(`audit.${k}`))))),
      h('tbody', entries.map((e) => h('tr', h('td', formatDate(e.at, lang())), h('td', auditSentence(e, names)),
        h('td', auditDetail(e, names)))))));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  container.append(form, table);
  await load();
}
