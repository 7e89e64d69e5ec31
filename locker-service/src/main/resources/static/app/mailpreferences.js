// E-mail notifications (issue 15, decision 0022): per kind immediately, a daily or weekly digest, or never; the
// digests' hours, the mails' language, and a teacher's disconnection hours. Part of the preferences screen.
import { get, put } from './api.js';
import { h, clear, field, checkbox } from './dom.js';
import { t } from './i18n.js';

const KINDS = ['DOCUMENT', 'VERSION', 'REMINDER', 'REPLY', 'BROADCAST', 'SURVEY', 'COLLECT_REQUEST',
  'COLLECT_REMINDER'];
const CHANNELS = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const PATH = '/me/notification-preferences';

function select(name, values, label, chosen) {
  return h('select', { name }, values.map((v) => h('option', { value: v, selected: v === chosen }, label(v))));
}

function time(name, value) {
  return h('input', { type: 'time', name, value: value || '', required: true });
}

/** The e-mail part of the preferences screen, appended to {@code container}. */
export async function mailPreferencesForm(container) {
  const preferences = await get(PATH);
  const form = h('form.card#mail-preferences-form');
  form.append(h('h2', t('mailPreferences.title')));
  if (!preferences.sending) form.append(h('p.hint', t('mailPreferences.notSending')));
  const channels = KINDS.map((kind) => field(t(`mailPreferences.kind.${kind}`),
    select(kind, CHANNELS, (c) => t(`mailPreferences.channel.${c}`), preferences.channels[kind])));
  form.append(h('fieldset', h('legend', t('mailPreferences.channels')), h('p.hint', t('mailPreferences.channelsHint')),
    channels));
  const dailyAt = time('dailyAt', preferences.dailyAt);
  const weeklyDay = select('weeklyDay', DAYS, (d) => t(`mailPreferences.day.${d}`), preferences.weeklyDay);
  const weeklyAt = time('weeklyAt', preferences.weeklyAt);
  form.append(h('fieldset', h('legend', t('mailPreferences.digests')), h('p.hint', t('mailPreferences.digestsHint')),
    field(t('mailPreferences.dailyAt'), dailyAt), field(t('mailPreferences.weeklyDay'), weeklyDay),
    field(t('mailPreferences.weeklyAt'), weeklyAt)));
  const language = select('language', ['fr', 'en'], (l) => t(`mailPreferences.language.${l}`), preferences.language);
  form.append(field(t('mailPreferences.language'), language));
  let disconnection = () => ({});
  if (preferences.disconnectionApplies) {
    const own = checkbox(t('mailPreferences.ownHours'), { checked: preferences.disconnection !== null });
    const from = time('from', preferences.disconnection?.from || '08:00');
    const to = time('to', preferences.disconnection?.to || '18:00');
    form.append(h('fieldset', h('legend', t('mailPreferences.disconnection')),
      h('p.hint', t('mailPreferences.disconnectionHint')), own, field(t('mailPreferences.from'), from),
      field(t('mailPreferences.to'), to)));
    disconnection = () => ({ disconnection: own.input.checked ? { from: from.value, to: to.value } : null });
  }
  const outcome = h('div');
  form.append(h('div.actions', h('button.primary', { type: 'submit' }, t('mailPreferences.save'))), outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(outcome);
    const chosen = Object.fromEntries(channels.map((f) => {
      const control = f.querySelector('select');
      return [control.name, control.value];
    }));
    try {
      await put(PATH, { channels: chosen, dailyAt: dailyAt.value, weeklyDay: weeklyDay.value,
        weeklyAt: weeklyAt.value, language: language.value, ...disconnection() });
      outcome.append(h('p.success', { role: 'status' }, t('app.saved')));
    } catch (problem) {
      outcome.append(h('div.error.refusal', { role: 'alert', 'data-reason': problem.reason || null },
        h('p', problem.text ? problem.text() : String(problem))));
    }
  });
  container.append(form);
}

/** The person changed the app's language: their mails follow (best effort, the preference screen can change it). */
export async function mailsInLanguage(lang) {
  try {
    await put(PATH, { language: lang });
  } catch (problem) {
    // signed out or refused: the mails keep their language until the person sets it
  }
}
