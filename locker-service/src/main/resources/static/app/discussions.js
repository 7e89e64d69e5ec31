// Discussions (list, thread, new discussion with the allowed contacts), preferences, and guardians' broadcasts.
import { del, get, post, put } from './api.js';
import { checkbox, clear, field, formatDate, h, nextId } from './dom.js';
import { lang, t } from './i18n.js';
import { classesOf, describePerson, findByName, knownPeople, loadPeople, nameOf as personName, rememberPeople }
  from './people.js';
import { mailPreferencesForm } from './mailpreferences.js';

function nameOf(id, me) {
  if (id === me.id) return t('discussions.me');
  return personName(id);
}

/** A refusal, announced: the problem's own sentence (its reason code stays in the API, kept as data for tests). */
function refusal(problem) {
  return h('div.error.refusal', { role: 'alert', 'data-reason': problem.reason || null },
    h('p', problem.text ? problem.text() : String(problem)),
    problem.body?.nextOpening ? h('p', t('discussions.nextOpening',
      { when: formatDate(problem.body.nextOpening, lang()) })) : null);
}

async function hoursBanner() {
  const hours = await get('/discussions/hours');
  let text;
  if (!hours.enabled) text = t('discussions.disabled');
  else if (hours.windowEnforced) text = t('discussions.window', { start: hours.windowStart, end: hours.windowEnd });
  else text = t('discussions.always');
  return h('p.info#discussion-hours', text);
}

/** "Discussions reopen tomorrow at 07:00", in the establishment's zone and by the server's clock. */
function reopening(opening) {
  if (opening.reason !== 'OUTSIDE_HOURS' || !opening.nextOpening) return t('discussions.closedNow');
  const zone = opening.zone;
  const dayOf = (date) => new Intl.DateTimeFormat('en-CA',
    { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const next = new Date(opening.nextOpening);
  const now = new Date(opening.now);
  const time = new Intl.DateTimeFormat(lang(), { timeZone: zone, hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23' }).format(next);
  if (dayOf(next) === dayOf(now)) return t('discussions.reopenToday', { time });
  if (dayOf(next) === dayOf(new Date(now.getTime() + 86400000))) return t('discussions.reopenTomorrow', { time });
  const day = new Intl.DateTimeFormat(lang(), { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' })
    .format(next);
  return t('discussions.reopenOn', { day, time });
}

/**
 * A composer that keeps what is written while discussions are closed (outside the window, or off for the person):
 * it says when they reopen, saves the draft on the server for this person (autosaved as they type, and with "Keep
 * the draft"), brings it back on any device, and offers "Send now" once discussions open. It never sends by itself:
 * the person confirms that a message written the night before still stands.
 *
 * @param form the composer's form; {@code submit} its primary button
 * @param draftPath where the draft lives (/discussions/drafts/new or /discussions/{id}/draft)
 * @param read the draft body from the fields; fill(draft) puts a saved draft back in them
 * @param sendDraft sends the saved draft (POST .../send); sendPlain sends without a draft (the usual call)
 * @param redraw draws the composer again (when discussions reopen while it is shown)
 */
async function keepDrafts({ form, submit, draftPath, read, fill, sendDraft, sendPlain, redraw, outcome, context }) {
  const [opening, draft] = await Promise.all([get('/discussions/opening'), get(draftPath)]);
  if (draft) fill(draft);
  const status = h('p.draft-status', { role: 'status' });
  const actions = submit.parentElement;
  if (!opening.open) {
    submit.textContent = t('discussions.keepDraft');
    submit.classList.add('keep-draft');
    const later = h('button.send-now', { type: 'button', disabled: true, 'aria-describedby': nextId('later') },
      t('discussions.sendNow'));
    const laterHint = h('p.hint', { id: later.getAttribute('aria-describedby') }, t('discussions.sendNowLater'));
    actions.append(later);
    form.insertBefore(h('div.notice.composer-closed', h('p.reopening', reopening(opening)),
      h('p', t('discussions.draftKept'))), form.firstElementChild.nextSibling);
    actions.after(laterHint, status);
    const save = async () => {
      const saved = await put(draftPath, read());
      status.textContent = saved ? t('discussions.draftSaved', { when: formatDate(saved.savedAt, lang()) }) : '';
    };
    let timer = null;
    form.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => save().catch(() => {}), 1500);
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      window.clearTimeout(timer);
      clear(outcome);
      try {
        await save();
        context.announce(status.textContent);
      } catch (problem) {
        outcome.append(refusal(problem));
      }
    });
    if (opening.nextOpening) {
      // "Send now" once the window opens, without reloading: keep the text, then draw the open composer
      const wait = new Date(opening.nextOpening) - new Date(opening.now) + 1000;
      if (wait < 2 ** 31) {
        window.setTimeout(async () => {
          if (!form.isConnected) return;
          await save().catch(() => {});
          await redraw();
        }, wait);
      }
    }
    return;
  }
  if (draft) {
    submit.textContent = t('discussions.sendNow');
    submit.classList.add('send-now');
    const discard = h('button.discard-draft', { type: 'button' }, t('discussions.discardDraft'));
    discard.addEventListener('click', async () => {
      await del(draftPath);
      context.announce(t('discussions.draftDiscarded'));
      await redraw();
    });
    actions.append(discard);
    form.insertBefore(h('p.notice.draft-back', t('discussions.draftBack',
      { when: formatDate(draft.savedAt, lang()) })), form.firstElementChild.nextSibling);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(outcome);
    try {
      if (draft) {
        // what is on screen is what is sent: the draft as last edited
        await put(draftPath, read());
        await sendDraft();
      } else {
        await sendPlain();
      }
    } catch (problem) {
      outcome.append(refusal(problem));
    }
  });
}

export async function discussionsScreen(container, context, rest) {
  const me = context.me;
  const [banner, contacts] = await Promise.all([hoursBanner(), get('/discussions/contacts'), loadPeople(me)]);
  rememberPeople(contacts);
  const listBox = h('section.discussion-list', { 'aria-labelledby': 'discussions-list-title' });
  const detail = h('section.discussion-detail#discussion-detail', { 'aria-live': 'polite' });
  const newButton = h('button.primary#new-discussion', { type: 'button' }, t('discussions.new'));
  newButton.addEventListener('click', () => { drawNewForm(); });
  container.append(banner, h('div.actions', newButton), h('div.split', listBox, detail));

  async function loadList() {
    let discussions;
    try {
      discussions = await get('/discussions');
    } catch (problem) {
      // discussions off for this profile: the list says why, the composer still keeps drafts
      clear(listBox, h('h2#discussions-list-title', t('discussions.list')), refusal(problem));
      return;
    }
    // the menu's count follows the list: opening a thread marks it read before the list is drawn
    context.setBadge?.('discussions', discussions.reduce((sum, d) => sum + d.unread, 0));
    clear(listBox, h('h2#discussions-list-title', t('discussions.list')));
    if (!discussions.length) {
      listBox.append(h('p.empty', t('discussions.empty')));
      return;
    }
    listBox.append(h('ul.discussions', discussions.map((d) => h('li', h('a.discussion-link', {
      href: `#/discussions/${d.id}`, 'aria-current': rest === d.id ? 'true' : null, 'data-discussion': d.id },
    h('span.subject', d.subject || t('discussions.noSubject')),
    d.unread ? h('span.badge', t('discussions.unread', { count: d.unread })) : null,
    h('span.meta', `${d.participants.map((p) => nameOf(p, me)).join(', ')} · ${formatDate(d.lastActivity, lang())}`
    ))))));
  }

  async function drawNewForm() {
    const subject = h('input', { name: 'subject', maxlength: '200' });
    const filter = h('input', { type: 'search' });
    const choices = h('div.contact-list');
    // long lists are grouped by class (a person of several classes is listed under each, ticked together)
    const ticks = [];
    const tickOf = (c) => {
      const box = checkbox(describePerson(c), { value: c.id, name: 'participant' });
      box.dataset.search = describePerson(c).toLowerCase();
      box.input.addEventListener('change', () => ticks.filter((other) => other.input.value === c.id)
        .forEach((other) => { other.input.checked = box.input.checked; }));
      ticks.push(box);
      return box;
    };
    const groups = groupByClass(contacts);
    if (groups.length > 1) {
      choices.append(...groups.map(([code, members]) => h('fieldset.class-group', { 'data-class': code || null },
        h('legend', code ? t('discussions.classGroup', { code }) : t('discussions.noClassGroup')),
        members.map(tickOf))));
    } else {
      choices.append(...contacts.map(tickOf));
    }
    if (!contacts.length) choices.append(h('p.empty', t('discussions.noContact')));
    filter.addEventListener('input', () => {
      ticks.forEach((box) => { box.hidden = !box.dataset.search.includes(filter.value.toLowerCase()); });
      choices.querySelectorAll('fieldset.class-group').forEach((group) => {
        group.hidden = ![...group.querySelectorAll('.check')].some((box) => !box.hidden);
      });
    });
    // someone not listed, by name (the establishment's rules decide, and a refusal says why)
    const namesId = nextId('names');
    const other = h('input', { name: 'other', list: namesId, autocomplete: 'off' });
    const names = h('datalist', { id: namesId }, knownPeople().filter((p) => p.id !== me.id)
      .map((p) => h('option', { value: describePerson(p) })));
    const otherField = field(t('discussions.other'), other, { hint: t('discussions.otherHint') });
    const text = h('textarea', { name: 'text', rows: '4', required: true });
    const outcome = h('div');
    const submit = h('button.primary', { type: 'submit' }, t('discussions.start'));
    const form = h('form.card#new-discussion-form', { 'aria-labelledby': 'new-discussion-title' },
      h('h2#new-discussion-title', t('discussions.new')),
      field(t('discussions.subject'), subject),
      h('fieldset', h('legend', t('discussions.contacts')), field(t('discussions.filter'), filter), choices),
      otherField, names,
      field(t('discussions.text'), text),
      h('div.actions', submit), outcome);
    const participants = () => {
      const chosen = [...new Set(ticks.filter((box) => box.input.checked).map((box) => box.input.value))];
      if (other.value.trim()) {
        // a name nobody here answers to goes as typed: the service's refusal says why in a sentence
        const id = findByName(other.value) || other.value.trim();
        if (!chosen.includes(id)) chosen.push(id);
      }
      return chosen;
    };
    const started = (summary) => {
      context.announce(t('discussions.started'));
      context.navigate(`discussions/${summary.id}`);
    };
    clear(detail, form);
    await keepDrafts({
      form, submit, outcome, context,
      draftPath: '/discussions/drafts/new',
      read: () => ({ subject: subject.value, participants: participants(), text: text.value }),
      fill: (draft) => {
        subject.value = draft.subject;
        text.value = draft.text;
        const others = [];
        draft.participants.forEach((id) => {
          const box = ticks.find((b) => b.input.value === id);
          if (box) box.input.checked = true; else others.push(id);
        });
        other.value = others.map((id) => personName(id)).join(', ');
      },
      sendDraft: async () => started(await post('/discussions/drafts/new/send')),
      sendPlain: async () => started(await post('/discussions',
        { subject: subject.value, participants: participants(), text: text.value })),
      redraw: () => drawNewForm(),
    });
    subject.focus();
  }

  async function drawThread(id) {
    let page;
    try {
      page = await get(`/discussions/${id}?limit=200`);
    } catch (problem) {
      clear(detail, refusal(problem));
      return;
    }
    await post(`/discussions/${id}/read`);
    const d = page.discussion;
    const text = h('textarea', { name: 'text', rows: '3', required: true });
    const outcome = h('div');
    const submit = h('button.primary', { type: 'submit' }, t('discussions.send'));
    const reply = h('form.reply', h('h3', t('discussions.reply')), field(t('discussions.text'), text),
      h('div.actions', submit), outcome);
    const sent = async () => {
      context.announce(t('discussions.sent'));
      await drawThread(id);
      await loadList();
    };
    await keepDrafts({
      form: reply, submit, outcome, context,
      draftPath: `/discussions/${id}/draft`,
      read: () => ({ text: text.value }),
      fill: (draft) => { text.value = draft.text; },
      sendDraft: async () => { await post(`/discussions/${id}/draft/send`); await sent(); },
      sendPlain: async () => { await post(`/discussions/${id}/messages`, { text: text.value }); await sent(); },
      redraw: () => drawThread(id),
    });
    const leave = h('button.danger', { type: 'button' }, t('discussions.leave'));
    leave.addEventListener('click', async () => {
      if (!window.confirm(t('discussions.confirmLeave'))) return;
      await del(`/discussions/${id}/participants/me`);
      context.navigate('discussions');
    });
    let invite = null;
    if (me.personnel || me.profile === 'administrator') {
      const invitable = contacts.filter((c) => !d.participants.includes(c.id));
      const option = (c) => h('option', { value: c.id }, describePerson(c));
      const inviteGroups = groupByClass(invitable);
      const who = h('select', { name: 'participant' }, h('option', { value: '' }, t('discussions.chooseContact')),
        inviteGroups.length > 1 ? inviteGroups.map(([code, members]) => h('optgroup', {
          label: code ? t('discussions.classGroup', { code }) : t('discussions.noClassGroup') }, members.map(option)))
          : invitable.map(option));
      const inviteOutcome = h('div');
      invite = h('form.invite', field(t('discussions.invite'), who),
        h('div.actions', h('button', { type: 'submit' }, t('discussions.inviteButton'))), inviteOutcome);
      invite.addEventListener('submit', async (event) => {
        event.preventDefault();
        clear(inviteOutcome);
        try {
          await post(`/discussions/${id}/participants`, { participant: who.value });
          await drawThread(id);
        } catch (problem) {
          inviteOutcome.append(refusal(problem));
        }
      });
    }
    clear(detail,
      h('h2#thread-title', d.subject || t('discussions.noSubject')),
      h('p.meta', t('discussions.participants', { names: d.participants.map((p) => nameOf(p, me)).join(', ') })),
      h('ol.messages', { 'aria-labelledby': 'thread-title' }, page.messages.map((m) => h('li.message', {
        class: m.author === me.id ? 'message mine' : 'message' },
      h('p.message-head', h('strong', nameOf(m.author, me)), ' · ', h('time', { datetime: m.postedAt },
        formatDate(m.postedAt, lang()))),
      h('p.text', m.text)))),
      reply, invite, h('div.actions', leave));
  }

  // the thread first: opening it marks it read, so the list and the menu then show what is left unread
  if (rest) await drawThread(rest);
  await loadList();
}

/**
 * [[class, people], ...] by class (a guardian under their children's classes), people without a class last; one
 * group (a flat list) when the list is short.
 */
function groupByClass(people) {
  if (people.length <= 12) return [[null, people]];
  const groups = new Map();
  people.forEach((person) => {
    const classes = classesOf(person);
    (classes.length ? classes : [null]).forEach((code) => {
      if (!groups.has(code)) groups.set(code, []);
      groups.get(code).push(person);
    });
  });
  return [...groups.entries()].sort(([a], [b]) => (a === null) - (b === null) || String(a).localeCompare(String(b)));
}

export async function preferencesScreen(container, context) {
  if (context.me.profile !== 'teacher' && context.me.profile !== 'guardian') {
    // students, staff and counselors have no contact setting: only how they are told by e-mail
    await mailPreferencesForm(container);
    return;
  }
  const preferences = await get('/me/preferences');
  const form = h('form.card#preferences-form');
  let read;
  if (context.me.profile === 'teacher') {
    const boxes = ['STUDENTS', 'GUARDIANS', 'STAFF', 'TEACHERS'].map((code) => checkbox(t(`preferences.${code}`),
      { value: code, checked: (preferences.acceptedContacts || []).includes(code) }));
    form.append(h('fieldset', h('legend', t('preferences.contacts')), h('p.hint', t('preferences.contactsHint')),
      boxes));
    read = () => ({ acceptedContacts: boxes.filter((b) => b.input.checked).map((b) => b.input.value) });
  } else {
    const box = checkbox(t('preferences.guardianMessaging'), { checked: preferences.guardianMessaging === true });
    form.append(h('fieldset', h('legend', t('preferences.guardians')), h('p.hint', t('preferences.guardiansHint')),
      box));
    read = () => ({ guardianMessaging: box.input.checked });
  }
  const outcome = h('div');
  form.append(h('div.actions', h('button.primary', { type: 'submit' }, t('app.save'))), outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(outcome);
    try {
      await put('/me/preferences', read());
      context.announce(t('app.saved'));
      outcome.append(h('p.success', t('app.saved')));
    } catch (problem) {
      outcome.append(refusal(problem));
    }
  });
  container.append(form);
  await mailPreferencesForm(container);
}

export async function broadcastsScreen(container, context) {
  const me = context.me;
  await loadPeople(me);
  const list = h('div#broadcasts');
  if (me.delegateOf.length) container.append(broadcastForm(me, context, () => load()));
  container.append(h('h2', t('broadcasts.list')), list);

  async function load() {
    const broadcasts = await get('/broadcasts');
    clear(list);
    if (!broadcasts.length) {
      list.append(h('p.empty', t('broadcasts.empty')));
      return;
    }
    list.append(h('ul.cards', broadcasts.map((b) => h('li', broadcastCard(b, me, context, load)))));
  }
  await load();
}

function broadcastForm(me, context, reload) {
  const kind = h('select', { name: 'kind' }, h('option', { value: 'INFORMATION' }, t('broadcasts.INFORMATION')),
    h('option', { value: 'SURVEY' }, t('broadcasts.SURVEY')));
  const classCode = h('select', { name: 'classCode' }, me.delegateOf.map((c) => h('option', { value: c }, c)));
  const text = h('textarea', { name: 'text', rows: '3', required: true });
  const options = h('textarea', { name: 'options', rows: '3' });
  const optionsField = field(t('broadcasts.options'), options, { hint: t('broadcasts.optionsHint') });
  optionsField.hidden = true;
  kind.addEventListener('change', () => { optionsField.hidden = kind.value !== 'SURVEY'; });
  const outcome = h('div');
  // who would receive it now, asked of the engine (the same rules as the send); nobody: sending is refused
  const audience = h('p#broadcast-audience', { 'aria-live': 'polite' });
  const send = h('button.primary', { type: 'submit' }, t('broadcasts.sendButton'));
  let audienceCount = null;
  async function countAudience() {
    const asked = classCode.value;
    try {
      const answer = await get(`/broadcasts/audience?class=${encodeURIComponent(asked)}`);
      if (asked !== classCode.value) return;
      audienceCount = answer.count;
      audience.className = answer.count ? 'info' : 'error';
      audience.textContent = answer.count ? t(answer.count === 1 ? 'broadcasts.audienceOne' : 'broadcasts.audience',
        { count: answer.count }) : t('broadcasts.noAudience', { class: asked });
    } catch (problem) {
      audienceCount = null;
      audience.className = 'error';
      audience.textContent = problem.text ? problem.text() : String(problem);
    }
  }
  classCode.addEventListener('change', countAudience);
  const form = h('form.card#broadcast-form', { 'aria-labelledby': 'broadcast-form-title' },
    h('h2#broadcast-form-title', t('broadcasts.send')), field(t('broadcasts.kind'), kind),
    field(t('broadcasts.class'), classCode), field(t('broadcasts.text'), text), optionsField,
    h('div.actions', send, audience), outcome);
  countAudience();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(outcome);
    await countAudience();
    if (audienceCount === 0) {
      outcome.append(h('p.error', { role: 'alert' }, t('broadcasts.noAudience', { class: classCode.value })));
      return;
    }
    try {
      await post('/broadcasts', { kind: kind.value, classCode: classCode.value, text: text.value,
        options: kind.value === 'SURVEY' ? options.value.split('\n').map((o) => o.trim()).filter(Boolean) : [] });
      context.announce(t('broadcasts.sent'));
      form.reset();
      optionsField.hidden = true;
      await Promise.all([reload(), countAudience()]);
    } catch (problem) {
      outcome.append(refusal(problem));
    }
  });
  return form;
}

function broadcastCard(b, me, context, reload) {
  const mine = b.author === me.id;
  const outcome = h('div');
  const card = h('article.card.broadcast', { 'data-broadcast': b.id },
    h('h3', `${t(`broadcasts.${b.kind}`)} · ${b.classCode}`),
    h('p.meta', `${mine ? t('discussions.me') : personName(b.author)} · ${formatDate(b.sentAt, lang())}`),
    h('p.text', b.text));
  if (mine) {
    card.append(h('p', t('broadcasts.confirmations', { count: b.confirmedBy.length, audience: b.audience })));
    if (b.kind === 'SURVEY') {
      card.append(h('h4', t('broadcasts.results', { answers: b.answers })), h('ul.results', b.options.map((o, i) =>
        h('li', `${o}: ${b.results ? b.results[i] : 0}`))));
    }
  } else {
    if (!b.confirmedByMe) {
      const confirm = h('button', { type: 'button' }, t('broadcasts.confirm'));
      confirm.addEventListener('click', async () => {
        try {
          await post(`/broadcasts/${b.id}/confirmation`);
          await reload();
        } catch (problem) {
          outcome.append(refusal(problem));
        }
      });
      card.append(h('div.actions', confirm));
    } else {
      card.append(h('p.success', t('broadcasts.confirmed')));
    }
    if (b.kind === 'SURVEY') {
      if (b.myAnswer !== null && b.myAnswer !== undefined) {
        card.append(h('p', t('broadcasts.myAnswer', { option: b.options[b.myAnswer] })));
      } else {
        const group = nextId('answer');
        const radios = b.options.map((o, i) => {
          const input = h('input', { type: 'radio', name: group, value: String(i), id: nextId('r') });
          return h('div.check', input, h('label', { for: input.id }, o));
        });
        const form = h('form.answer', h('fieldset', h('legend', t('broadcasts.answer')), radios),
          h('div.actions', h('button.primary', { type: 'submit' }, t('broadcasts.answerButton'))));
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          const picked = form.querySelector('input:checked');
          if (!picked) return;
          try {
            await post(`/broadcasts/${b.id}/answer`, { option: Number(picked.value) });
            context.announce(t('broadcasts.answered'));
            await reload();
          } catch (problem) {
            outcome.append(refusal(problem));
          }
        });
        card.append(form);
      }
    }
  }
  card.append(outcome);
  return card;
}
