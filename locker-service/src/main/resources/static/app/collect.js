// Collect requests ("documents à fournir", docs/collect-requests.md): the personnel ask families or students for a
// document by a deadline and follow who handed it in; guardians and students see what they are asked for and hand
// it in, from a phone as well. People are shown by name and context, never by id.
import { ROOT, get, post, upload } from './api.js';
import { checkbox, clear, field, formatDate, formatSize, h } from './dom.js';
import { label, lang, t } from './i18n.js';
import { describePerson } from './people.js';
import { documentTypes } from './types.js';

const MODES = ['ONE_PER_GUARDIAN', 'ONE_PER_GUARDIAN_PER_CHILD', 'ONE_PER_STUDENT'];

function stateBadge(state) {
  return h(`span.state.state-${state.toLowerCase()}`, t(`collect.state.${state}`));
}

function requestState(request) {
  if (request.state === 'PUBLISHED' && !request.open) return t('collect.requestState.CLOSED');
  return t(`collect.requestState.${request.state}`);
}

function targetLabel(target) {
  if (target.kind === 'guardians') return t('collect.target.guardians', { name: target.className });
  if (target.kind === 'students') return t('collect.target.students', { name: target.className });
  if (target.kind === 'guardian') {
    return target.context ? t('collect.target.guardianOf', { name: target.name, children: target.context })
      : target.name;
  }
  return target.selector;
}

function fileLinks(files) {
  if (!files.length) return null;
  return h('ul.collect-files', files.map((file) => h('li',
    h('a', { href: `${ROOT}/api/v1/collect-requests/files/${file.id}/content` }, file.name), ' ',
    h('small', formatSize(file.size)))));
}

/** A search among people of some profiles, each found person added with a button; the chosen ones listed. */
function personSearch(legend, profiles, chosen) {
  const input = h('input', { type: 'search', autocomplete: 'off' });
  const results = h('ul.collect-results', { 'aria-live': 'polite' });
  const picked = h('ul.collect-picked');
  function drawPicked() {
    clear(picked, [...chosen.values()].map((person) => h('li', describePerson(person), ' ',
      h('button', { type: 'button', 'aria-label': t('collect.removeNamed', { name: person.displayName }),
        onclick: () => { chosen.delete(person.id); drawPicked(); } }, t('collect.remove')))));
  }
  async function search() {
    const lists = await Promise.all(profiles.map((profile) =>
      get(`/directory/persons?profile=${profile}&limit=20&q=${encodeURIComponent(input.value)}`)));
    const found = lists.flat();
    clear(results, found.length === 0 ? h('li', t('collect.nobodyFound')) : found.map((person) => h('li',
      describePerson(person), ' ',
      h('button', { type: 'button', 'aria-label': t('collect.addNamed', { name: person.displayName }),
        onclick: () => { chosen.set(person.id, person); drawPicked(); } }, t('collect.add')))));
  }
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); search(); }
  });
  const searchField = field(legend, input);
  return h('div.collect-search', searchField,
    h('button', { type: 'button', onclick: search }, t('collect.search')), results, picked);
}

/** Personnel: the form to ask for a document, my requests, and a request's table ('collect/<id>'). */
export async function collectScreen(container, context, sub) {
  if (sub) {
    await requestTable(container, context, sub);
    return;
  }
  const status = h('p.status', { role: 'status', 'aria-live': 'polite' });
  const [types, classes] = await Promise.all([documentTypes(), get('/directory/classes')]);
  const title = h('input', { name: 'title', maxlength: '200', required: true });
  const instructions = h('textarea', { name: 'instructions', rows: '3', maxlength: '4000' });
  const type = h('select', { name: 'documentType', required: true },
    types.map((code) => h('option', { value: code }, label('docType', code))));
  const mode = h('select', { name: 'mode' }, MODES.map((m) => h('option', { value: m }, t(`collect.mode.${m}`))));
  const classBoxes = classes.map((c) => checkbox(c.name === c.code ? c.code : `${c.name} (${c.code})`,
    { value: c.code, name: 'class' }));
  const guardians = new Map();
  const staff = new Map();
  const deadline = h('input', { type: 'date', name: 'deadline', required: true });
  const late = h('select', { name: 'latePolicy' }, ['REFUSE', 'ACCEPT_MARKED_LATE'].map((p) =>
    h('option', { value: p }, t(`collect.late.${p}`))));
  const publishAt = h('input', { type: 'date', name: 'publishAt' });
  const remind = h('input', { type: 'number', name: 'remindDaysBefore', min: '0', max: '60', value: '0' });
  const draft = checkbox(t('collect.draft'), { name: 'draft' });
  const formError = h('p.field-error', { 'aria-live': 'polite' });
  const titleField = field(t('collect.title'), title);
  const deadlineField = field(t('collect.deadline'), deadline);
  const form = h('form.card#collect-form', { 'aria-label': t('collect.new') }, h('h2', t('collect.new')),
    titleField, field(t('collect.instructions'), instructions), field(t('collect.documentType'), type),
    field(t('collect.modeLabel'), mode, { hint: t('collect.modeHint') }),
    h('fieldset.collect-classes', h('legend', t('collect.classes')), classBoxes),
    personSearch(t('collect.guardians'), ['guardian'], guardians),
    deadlineField, field(t('collect.lateLabel'), late),
    personSearch(t('collect.staff'), ['teacher', 'staff', 'counselor'], staff),
    field(t('collect.publishAt'), publishAt, { hint: t('collect.publishAtHint') }),
    field(t('collect.remindDaysBefore'), remind, { hint: t('collect.remindHint') }), draft, formError,
    h('div.actions', h('button.primary', { type: 'submit' }, t('collect.create'))));
  const list = h('div#collect-list');

  async function drawList() {
    const requests = await get('/collect-requests');
    clear(list, requests.length === 0 ? h('p', t('collect.none')) : h('div.table-scroll', h('table.report',
      h('caption', t('collect.mine')),
      h('thead', h('tr', ['collect.title', 'collect.deadline', 'collect.stateLabel', 'collect.targetsLabel']
        .map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', requests.map((r) => h('tr',
        h('td', h('a', { href: `#/collect/${r.id}` }, r.title)),
        h('td', formatDate(r.deadline, lang())),
        h('td', requestState(r)),
        h('td', r.targets.map(targetLabel).join(', '))))))));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    formError.textContent = '';
    const students = mode.value === 'ONE_PER_STUDENT';
    const targets = classBoxes.filter((box) => box.input.checked)
      .map((box) => `${students ? 'students' : 'guardians'}:${box.input.value}`);
    if (!students) guardians.forEach((person) => targets.push(`user:${person.id}`));
    try {
      const created = await post('/collect-requests', {
        title: title.value, instructions: instructions.value, documentType: type.value, mode: mode.value,
        targets, deadline: deadline.value, latePolicy: late.value, staff: [...staff.keys()],
        draft: draft.input.checked, publishAt: publishAt.value || null,
        remindDaysBefore: Number(remind.value || 0),
      });
      status.textContent = t('collect.created', { title: created.title });
      form.reset();
      guardians.clear();
      staff.clear();
      form.querySelectorAll('.collect-picked').forEach((ul) => clear(ul));
      await drawList();
    } catch (problem) {
      formError.textContent = problem.text();
    }
  });

  clear(container, h('p.hint', t('collect.intro')), status, form, h('h2', t('collect.mine')), list);
  await drawList();
}

/**
 * Asks the requester to confirm a withdrawal in a dialog that says what it does; resolves to whether they confirmed
 * (Escape and Cancel do not withdraw).
 */
function confirmWithdrawal(title) {
  return new Promise((resolve) => {
    const heading = h('h2#collect-withdraw-title', t('collect.confirmWithdrawTitle', { title }));
    const text = h('p#collect-withdraw-text', t('collect.confirmWithdrawText'));
    const dialog = h('dialog.confirm#collect-withdraw-dialog',
      { 'aria-labelledby': 'collect-withdraw-title', 'aria-describedby': 'collect-withdraw-text' }, heading, text);
    const done = (confirmed) => {
      dialog.close();
      dialog.remove();
      resolve(confirmed);
    };
    const cancel = h('button', { type: 'button', onclick: () => done(false) }, t('collect.cancel'));
    dialog.append(h('div.actions',
      h('button.danger#collect-withdraw-confirm', { type: 'button', onclick: () => done(true) },
        t('collect.confirmWithdraw')), cancel));
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); done(false); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus(); // the safe choice first
  });
}

async function requestTable(container, context, id) {
  const status = h('p.status', { role: 'status', 'aria-live': 'polite' });
  const classFilter = h('select', { name: 'class' });
  const body = h('div');
  let chosenClass = '';

  async function draw() {
    const table = await get(`/collect-requests/${id}${chosenClass ? `?class=${encodeURIComponent(chosenClass)}` : ''}`);
    const r = table.request;
    clear(classFilter, h('option', { value: '' }, t('collect.allClasses')),
      table.classes.map((code) => h('option', { value: code, selected: code === chosenClass }, code)));
    const query = chosenClass ? `class=${encodeURIComponent(chosenClass)}&` : '';
    const remind = h('button#collect-remind', { type: 'button' }, t('collect.remind'));
    remind.addEventListener('click', async () => {
      try {
        const done = await post(`/collect-requests/${id}/reminders`);
        status.textContent = t('collect.reminded', { count: done.reminded });
        await draw();
      } catch (problem) {
        status.textContent = problem.text();
      }
    });
    const publish = r.state === 'DRAFT' ? h('button', { type: 'button', onclick: async () => {
      await post(`/collect-requests/${id}/publish`);
      await draw();
    } }, t('collect.publish')) : null;
    // the requester only (staff read), while it may still reach or receive anything
    const withdraw = r.requester?.id === context.me?.id && (r.state === 'PUBLISHED' || r.state === 'SCHEDULED')
      ? h('button.danger#collect-withdraw', { type: 'button', onclick: async () => {
        if (!await confirmWithdrawal(r.title)) { withdraw.focus(); return; }
        try {
          await post(`/collect-requests/${id}/withdraw`);
          status.textContent = t('collect.withdrawn', { title: r.title });
          await draw();
        } catch (problem) {
          status.textContent = problem.text();
        }
      } }, t('collect.withdraw')) : null;
    clear(body,
      h('h2', r.title),
      r.instructions ? h('p.collect-instructions', r.instructions) : null,
      h('dl.collect-facts',
        h('dt', t('collect.deadline')), h('dd', formatDate(r.deadline, lang())),
        h('dt', t('collect.stateLabel')), h('dd', requestState(r)),
        h('dt', t('collect.documentType')), h('dd', label('docType', r.documentType)),
        h('dt', t('collect.targetsLabel')), h('dd', r.targets.map(targetLabel).join(', '))),
      h('p#collect-counts', t('collect.counts', {
        handedIn: table.counts.handedIn, late: table.counts.late, missing: table.counts.missing })),
      h('div.actions', field(t('collect.classFilter'), classFilter), remind,
        h('a.button#collect-zip', { href: `${ROOT}/api/v1/collect-requests/${id}/handed-in.zip` }, t('collect.zip')),
        h('a.button#collect-csv', { href: `${ROOT}/api/v1/collect-requests/${id}/states.csv?${query}lang=${lang()}`,
          download: 'states.csv' }, t('collect.csv')), publish, withdraw),
      h('div.table-scroll', h('table.report#collect-table',
        h('caption', t('collect.perTarget')),
        h('thead', h('tr', ['collect.person', 'collect.child', 'collect.class', 'collect.stateLabel',
          'collect.handedInAt', 'collect.files'].map((key) => h('th', { scope: 'col' }, t(key))))),
        h('tbody', table.rows.map((row) => h('tr', { 'data-state': row.state },
          h('th', { scope: 'row' }, row.target.name),
          h('td', row.child || ''),
          h('td', row.className || row.classCode),
          h('td', stateBadge(row.state), row.remindedAt
            ? h('small', ' ', t('collect.remindedOn', { date: formatDate(row.remindedAt, lang()) })) : null),
          h('td', formatDate(row.handedInAt, lang())),
          h('td', fileLinks(row.files))))))));
  }

  classFilter.addEventListener('change', async () => {
    chosenClass = classFilter.value;
    await draw();
  });
  clear(container, h('p', h('a', { href: '#/collect' }, t('collect.back'))), status, body);
  await draw();
}

/** Guardians and students: what I am asked to hand in, with the deadline and my state, and the form to hand in. */
export async function toHandInScreen(container) {
  const status = h('p.status', { role: 'status', 'aria-live': 'polite' });
  const list = h('ul.cards.wide#collect-to-hand-in');
  await documentTypes().catch(() => []); // labels of the types, where the profile may read them

  function slotForm(request, slot) {
    const files = h('input', { type: 'file', name: 'file', multiple: true });
    const filesField = field(t('collect.filesToHandIn'), files);
    const replace = checkbox(t('collect.replace'), { name: 'replace' });
    const progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': t('collect.progress') });
    const form = h('form.collect-hand-in', { 'aria-label': slot.child
      ? t('collect.handInFor', { name: slot.child }) : t('collect.handIn') },
    filesField, slot.files.length ? replace : null,
    h('div.actions', h('button.primary', { type: 'submit' }, t('collect.handIn')), progress));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      filesField.showError('');
      if (!files.files.length) { filesField.showError(t('collect.needFile')); return; }
      const data = new FormData();
      [...files.files].forEach((file) => data.append('file', file));
      if (slot.childId) data.append('child', slot.childId);
      if (replace.input.checked) data.append('replace', 'true');
      progress.hidden = false;
      try {
        await upload(`/collect-requests/${request.id}/hand-in`, data, (share) => { progress.value = share; });
        status.textContent = t('collect.handedIn', { title: request.title });
        await draw();
      } catch (problem) {
        progress.hidden = true;
        filesField.showError(problem.text());
      }
    });
    return form;
  }

  async function draw() {
    const items = await get('/collect-requests/to-hand-in');
    clear(list, items.length === 0 ? h('li', t('collect.nothingToHandIn')) : items.map(({ request, slots }) =>
      h('li', h('article.card.collect-request', { 'aria-labelledby': `collect-${request.id}` },
        h('h2', { id: `collect-${request.id}` }, request.title),
        request.instructions ? h('p.collect-instructions', request.instructions) : null,
        h('p', t('collect.askedBy', { name: request.requester.name, type: label('docType', request.documentType) })),
        h('p.collect-deadline', t('collect.due', { date: formatDate(request.deadline, lang()) }),
          request.latePolicy === 'ACCEPT_MARKED_LATE' ? h('small', ' ', t('collect.lateAccepted')) : null),
        slots.map((slot) => h('section.collect-slot', { 'data-state': slot.state },
          slot.child ? h('h3', slot.child) : null,
          h('p', stateBadge(slot.state), slot.handedInAt
            ? h('small', ' ', t('collect.handedInOn', { date: formatDate(slot.handedInAt, lang()) })) : null,
          slot.remindedAt && slot.state === 'MISSING'
            ? h('small', ' ', t('collect.remindedOn', { date: formatDate(slot.remindedAt, lang()) })) : null),
          fileLinks(slot.files),
          request.open ? slotForm(request, slot) : h('p', t('collect.closed'))))))));
  }

  clear(container, h('p.hint', t('collect.toHandInIntro')), status, list);
  await draw();
}
