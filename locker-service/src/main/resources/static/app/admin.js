// Administrators: discussion settings, guardian document exchange and document types, directory import, audit.
import { ROOT, get, put, upload } from './api.js';
import { checkbox, clear, field, formatDate, h } from './dom.js';
import { lang, t } from './i18n.js';

const PROFILES = ['teacher', 'staff', 'counselor', 'guardian', 'student', 'administrator'];

function failure(problem) {
  return h('p.error', { role: 'alert' }, problem.text ? problem.text() : String(problem));
}

function lines(text) {
  return text.split(/[\n,]+/).map((line) => line.trim()).filter(Boolean);
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
  const blocked = h('textarea', { name: 'initiationBlocked', rows: '3' });
  blocked.value = s.initiationBlocked.join('\n');
  const outcome = h('div');
  const form = h('form.card#discussion-settings-form',
    h('fieldset', h('legend', t('settings.step1')), enabled, guardianMessaging,
      h('p.hint', t('settings.guardianMessagingHint'))),
    h('fieldset', h('legend', t('settings.step2')), windowEnforced,
      h('div.inline', field(t('settings.windowStart'), start), field(t('settings.windowEnd'), end)),
      h('p.hint', t('settings.zone', { zone: s.zone }))),
    h('fieldset', h('legend', t('settings.step3')), h('p.hint', t('settings.profilesHint')), profiles,
      field(t('settings.initiationBlocked'), blocked, { hint: t('settings.initiationBlockedHint') })),
    h('div.actions', h('button.primary', { type: 'submit' }, t('app.save'))), outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(outcome);
    try {
      await put('/discussions/settings', {
        enabled: enabled.input.checked, guardianMessagingEnabled: guardianMessaging.input.checked,
        windowEnforced: windowEnforced.input.checked, windowStart: start.value, windowEnd: end.value, zone: s.zone,
        disabledProfiles: profiles.filter((b) => !b.input.checked).map((b) => b.input.value),
        initiationBlocked: lines(blocked.value),
      });
      context.announce(t('app.saved'));
      outcome.append(h('p.success', t('app.saved')));
    } catch (problem) {
      outcome.append(failure(problem));
    }
  });
  container.append(form);
}

export async function lockerSettingsScreen(container, context) {
  const s = await get('/lockers/settings');
  const exchange = checkbox(t('lockerSettings.guardianExchange'), { checked: s.guardianExchange });
  const macros = checkbox(t('lockerSettings.macroEnabledDocuments'), { checked: s.macroEnabledDocuments });
  const types = h('textarea', { name: 'documentTypes', rows: '10' });
  types.value = s.documentTypes.join('\n');
  const outcome = h('div');
  const form = h('form.card#locker-settings-form',
    h('fieldset', h('legend', t('lockerSettings.exchange')), exchange, h('p.hint', t('lockerSettings.exchangeHint'))),
    h('fieldset', h('legend', t('lockerSettings.macros')), macros, h('p.hint', t('lockerSettings.macrosHint'))),
    field(t('lockerSettings.types'), types, { hint: t('lockerSettings.typesHint') }),
    h('div.actions', h('button.primary', { type: 'submit' }, t('app.save'))), outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(outcome);
    try {
      await put('/lockers/settings', {
        guardianExchange: exchange.input.checked, macroEnabledDocuments: macros.input.checked,
        documentTypes: lines(types.value),
      });
      context.announce(t('app.saved'));
      outcome.append(h('p.success', t('app.saved')));
    } catch (problem) {
      outcome.append(failure(problem));
    }
  });
  container.append(form);
}

export async function importScreen(container, context) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const dryRun = checkbox(t('import.dryRun'), { checked: true });
  const progress = h('progress', { max: '1', value: '0', 'aria-label': t('deposit.progress') });
  progress.hidden = true;
  const report = h('div#import-report', { 'aria-live': 'polite' });
  const fileField = field(t('import.file'), file, { hint: t('import.fileHint') });
  const form = h('form.card#import-form', fileField, dryRun,
    h('div.actions', h('button.primary', { type: 'submit' }, t('import.run'))), progress, report);
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
    progress.hidden = false;
    try {
      const r = await upload(`/directory/import?dryRun=${dryRun.input.checked}`, data, (p) => { progress.value = p; });
      report.append(h('h2', r.applied ? t('import.applied') : t('import.checked')), h('table.report',
        h('caption.visually-hidden', t('import.report')),
        h('tbody', ['classes', 'persons', 'usersCreated', 'usersUpdated', 'groupsCreated', 'membershipsAdded',
          'membershipsRemoved'].map((key) => h('tr', h('th', { scope: 'row' }, t(`import.${key}`)),
          h('td', String(r[key])))))));
      context.announce(r.applied ? t('import.applied') : t('import.checked'));
    } catch (problem) {
      report.append(failure(problem));
      if (problem.body?.problems) {
        report.append(h('table.report', h('caption', t('import.problems')),
          h('thead', h('tr', h('th', { scope: 'col' }, t('import.line')), h('th', { scope: 'col' }, t('import.code')),
            h('th', { scope: 'col' }, t('import.message')))),
          h('tbody', problem.body.problems.map((p) => h('tr', h('td', String(p.line)), h('td', p.code),
            h('td', p.message))))));
      }
    } finally {
      progress.hidden = true;
    }
  });
  container.append(form);
}

export async function auditScreen(container) {
  const depositId = h('input', { type: 'search', name: 'depositId' });
  const table = h('div#audit-table');
  const form = h('form.filters.card', field(t('audit.depositId'), depositId),
    h('div.actions', h('button.primary', { type: 'submit' }, t('locker.filter')),
      h('a.button', { href: `${ROOT}/api/v1/lockers/audit.csv`, download: 'audit.csv' }, t('audit.csv'))));
  const load = async () => {
    const q = depositId.value.trim();
    const entries = await get(`/lockers/audit${q ? `?depositId=${encodeURIComponent(q)}` : ''}`);
    clear(table, h('table.report.audit', h('caption', t('audit.caption', { count: entries.length })),
      h('thead', h('tr', ['at', 'action', 'actor', 'document', 'detail'].map((k) =>
        h('th', { scope: 'col' }, t(`audit.${k}`))))),
      h('tbody', entries.map((e) => h('tr', h('td', formatDate(e.at, lang())), h('td', e.action), h('td', e.actor),
        h('td', e.document || e.depositId || ''), h('td', e.detail || ''))))));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  container.append(form, table);
  await load();
}
