// Split a PDF per student (issue 15, decision 0024): one PDF holding a page range per student becomes one document
// per student, deposited to that student's guardians. The upload is a draft kept on the platform for its depositor
// (its address is #/split/<id>, so a reload finds it); nothing goes out before Validate.
import { ROOT, del, get, post, put, upload } from './api.js';
import { clear, field, formatDate, h, nextId } from './dom.js';
import { label, lang, t } from './i18n.js';
import { documentTypes } from './types.js';

/** Which field shows a refusal, by the problem's reason. */
const FIELD_OF_REASON = {
  NO_FILE: 'file', EMPTY_FILE: 'file', FILE_TOO_LARGE: 'file', SPLIT_NOT_A_PDF: 'file', SPLIT_NO_PAGES: 'file',
  SPLIT_TOO_MANY_PAGES: 'file', SPLIT_UNKNOWN_CLASS: 'class', SPLIT_EMPTY_CLASS: 'class',
  SPLIT_INVALID_PAGES_PER_STUDENT: 'pagesPerStudent', SPLIT_PAGE_COUNT_MISMATCH: 'pagesPerStudent',
  UNKNOWN_DOCUMENT_TYPE: 'documentType', MEMO_TOO_LONG: 'memo', WINDOW_REQUIRED: 'publishFrom',
  WINDOW_INVALID: 'publishTo', WINDOW_ENDED: 'publishTo',
};

const pageList = (pages) => (pages.length ? pages.join(', ') : '—');

export async function splitScreen(container, context, subPath) {
  if (subPath) {
    await draftScreen(container, context, subPath);
    return;
  }
  await newSplitScreen(container, context);
}

/** The upload: the PDF, the class, how pages are matched; and the drafts kept from before. */
async function newSplitScreen(container, context) {
  const [classes, drafts] = await Promise.all([get('/directory/classes'), get('/splits')]);
  const file = h('input', { type: 'file', name: 'file', accept: 'application/pdf,.pdf' });
  const fileField = field(t('split.file'), file, { name: 'file', hint: t('split.fileHint') });
  const schoolClass = h('select', { name: 'class', required: true }, h('option', { value: '' }, t('split.chooseClass')),
    classes.map((c) => h('option', { value: c.code }, `${c.name} (${c.code})`)));
  const classField = field(t('split.class'), schoolClass, { name: 'class' });
  const modeName = nextId('mode');
  const byText = h('input', { type: 'radio', name: modeName, value: 'by_text', id: nextId('r'), checked: true });
  const fixed = h('input', { type: 'radio', name: modeName, value: 'fixed', id: nextId('r') });
  const perStudent = h('input', { type: 'number', name: 'pagesPerStudent', min: '1', value: '1' });
  const perStudentField = field(t('split.pagesPerStudent'), perStudent, { name: 'pagesPerStudent' });
  const showMode = () => { perStudentField.hidden = !fixed.checked; };
  byText.addEventListener('change', showMode);
  fixed.addEventListener('change', showMode);
  showMode();
  const name = h('input', { name: 'name', maxlength: '150' });
  const nameField = field(t('split.name'), name, { name: 'name', hint: t('split.nameHint') });
  const fields = { file: fileField, class: classField, pagesPerStudent: perStudentField, name: nameField };
  const progress = h('p.status', { role: 'status', 'aria-live': 'polite' });
  const form = h('form.card#split-form', { 'aria-label': t('split.upload') },
    h('h2', t('split.upload')), fileField, classField,
    h('fieldset.step', h('legend', t('split.mode')),
      h('div.check', byText, h('label', { for: byText.id }, t('split.byText'))),
      h('div.check', fixed, h('label', { for: fixed.id }, t('split.fixed'))), perStudentField),
    nameField, progress, h('div.actions', h('button.primary', { type: 'submit' }, t('split.analyse'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.showError(''));
    if (!file.files.length) { fileField.showError(t('split.needFile')); return; }
    if (!schoolClass.value) { classField.showError(t('split.needClass')); return; }
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('class', schoolClass.value);
    data.append('mode', fixed.checked ? 'fixed' : 'by_text');
    if (fixed.checked) data.append('pagesPerStudent', perStudent.value);
    if (name.value.trim()) data.append('name', name.value.trim());
    progress.textContent = t('split.analysing');
    try {
      const draft = await upload('/splits', data, () => {});
      context.navigate(`split/${draft.id}`);
    } catch (problem) {
      progress.textContent = '';
      (fields[FIELD_OF_REASON[problem.reason]] || fileField).showError(problem.text());
    }
  });
  const kept = drafts.length === 0 ? null : h('section', { 'aria-labelledby': 'split-drafts-title' },
    h('h2#split-drafts-title', t('split.drafts')),
    h('ul.entries', drafts.map((d) => h('li', { 'data-split': d.id },
      h('a', { href: `#/split/${d.id}` }, `${d.name} — ${d.schoolClass}`), ' ',
      h('small', `${formatDate(d.createdAt, lang())} · ${t(d.state === 'VALIDATED' ? 'split.validated' : 'split.draft')}`),
      // a validated split stays: it is the record of what went to whom
      d.state === 'VALIDATED' ? null : [' ', deleteButton(d, context,
        () => newSplitScreen(container, context))]))));
  clear(container, h('p.hint', t('split.intro')), form, kept);
}

/** "Delete" for a draft not validated: after a confirmation, the draft and its PDF are removed, then {@code after}. */
function deleteButton(draft, context, after) {
  const button = h('button.danger', { type: 'button', 'data-action': 'delete-split' }, t('split.delete'),
    h('span.visually-hidden', ` ${draft.name}`));
  button.addEventListener('click', async () => {
    if (!window.confirm(t('split.confirmDelete', { name: draft.name }))) return;
    button.disabled = true;
    try {
      await del(`/splits/${encodeURIComponent(draft.id)}`);
      await after();
      context.announce(t('split.deleted', { name: draft.name }));
    } catch (problem) {
      button.disabled = false;
      context.announce(problem.text());
    }
  });
  return button;
}

/** The preview: each student with their pages, the unmatched pages to assign or discard, then Validate. */
async function draftScreen(container, context, id) {
  const types = await documentTypes();
  let draft = await get(`/splits/${encodeURIComponent(id)}`);
  const status = h('p.status#split-status', { role: 'status', 'aria-live': 'polite' });
  const summary = h('p#split-summary');
  const tableBody = h('tbody');
  const table = h('table.report#split-students',
    h('caption', t('split.students')),
    h('thead', h('tr', h('th', { scope: 'col' }, t('split.student')), h('th', { scope: 'col' }, t('split.pages')),
      h('th', { scope: 'col' }, t('split.guardians')))),
    tableBody);
  const unmatched = h('section#split-unmatched', { 'aria-labelledby': 'split-unmatched-title' });
  const discarded = h('section#split-discarded');
  const assignmentError = h('p.field-error', { 'aria-live': 'polite' });

  /** The whole assignment as the service takes it, with one page moved. */
  function assignment(page, to) {
    const students = draft.students.map((s) => ({ id: s.id, pages: s.pages.filter((p) => p !== page) }));
    const target = students.find((s) => s.id === to);
    if (target) target.pages.push(page);
    const dropped = draft.discarded.filter((p) => p !== page);
    if (to === 'discard') dropped.push(page);
    return { students, discarded: dropped };
  }
  async function change(page, to, message) {
    assignmentError.textContent = '';
    try {
      draft = await put(`/splits/${encodeURIComponent(id)}/assignments`, assignment(page, to));
      draw();
      context.announce(message);
    } catch (problem) {
      assignmentError.textContent = problem.text();
    }
  }

  function draw() {
    const validated = draft.state === 'VALIDATED';
    summary.textContent = t('split.summary', { name: draft.name, className: draft.className, pages: draft.pages,
      unmatched: draft.unmatched.length });
    clear(tableBody, draft.students.map((s) => h('tr', { 'data-student': s.id },
      h('th', { scope: 'row' }, s.name),
      h('td.pages', pageList(s.pages)),
      h('td', s.guardians === 0 ? h('strong', t('split.noGuardian')) : String(s.guardians),
        // the depositor opens what each family received: the part only that family's guardians read
        validated && s.document ? h('span', ' · ', h('a.split-part', {
          href: `${ROOT}/api/v1/lockers/documents/${encodeURIComponent(s.document)}/content`, download: '',
        }, t('split.deposited'), h('span.visually-hidden', ` ${t('split.openPart', { name: s.name })}`))) : null))));
    const everyone = draft.students;
    clear(unmatched, h('h2#split-unmatched-title', t('split.unmatched')),
      draft.unmatched.length === 0 ? h('p', t('split.noUnmatched')) : h('ul.split-pages', draft.unmatched.map((page) => {
        const choice = h('select', { 'data-page': page },
          h('option', { value: '' }, t('split.chooseStudent')),
          everyone.map((s) => h('option', { value: s.id }, s.name)));
        // a page with no name often continues the previous page's student: offered first
        const before = everyone.find((s) => s.pages.includes(page - 1));
        if (before) choice.value = before.id;
        const choiceField = field(t('split.assignTo', { page }), choice, { name: `assign-${page}` });
        return h('li.card', { 'data-unmatched': page },
          h('img.split-thumb', { src: `${ROOT}/api/v1/splits/${encodeURIComponent(id)}/pages/${page}`,
            alt: t('split.pageImage', { page }), loading: 'lazy' }),
          choiceField,
          h('div.actions',
            h('button', { type: 'button', disabled: validated, onclick: () => {
              if (!choice.value) { choiceField.showError(t('split.needStudent')); return; }
              const student = everyone.find((s) => s.id === choice.value);
              change(page, choice.value, t('split.assigned', { page, name: student.name }));
            } }, t('split.assign')),
            h('button', { type: 'button', disabled: validated,
              onclick: () => change(page, 'discard', t('split.discardedPage', { page })) }, t('split.discard'))));
      })), assignmentError);
    clear(discarded, draft.discarded.length === 0 ? null : [h('h2', t('split.discardedTitle')),
      h('ul', draft.discarded.map((page) => h('li', t('split.page', { page }), ' ',
        validated ? null : h('button', { type: 'button',
          onclick: () => change(page, 'restore', t('split.restored', { page })) }, t('split.restore')))))]);
    depositForm.hidden = validated;
    deleteDraft.hidden = validated;
    done.hidden = !validated;
    if (validated) {
      const count = draft.students.filter((s) => s.document).length;
      done.textContent = t('split.done', { count });
    }
  }

  // the deposit's settings: the same as any deposit to guardians (type, memo, publication window)
  const type = h('select', { name: 'documentType', required: true },
    h('option', { value: '' }, t('deposit.chooseType')),
    types.map((code) => h('option', { value: code }, label('docType', code))));
  const memo = h('textarea', { name: 'memo', rows: '2', maxlength: '2000' });
  const publishFrom = h('input', { type: 'datetime-local', name: 'publishFrom' });
  const publishTo = h('input', { type: 'datetime-local', name: 'publishTo' });
  const fields = {
    documentType: field(t('deposit.type'), type, { name: 'documentType' }),
    memo: field(t('deposit.memo'), memo, { name: 'memo' }),
    publishFrom: field(t('deposit.publishFrom'), publishFrom, { name: 'publishFrom' }),
    publishTo: field(t('deposit.publishTo'), publishTo, { name: 'publishTo' }),
  };
  const validateButton = h('button.primary#split-validate', { type: 'submit' }, t('split.validate'));
  const validateError = h('p.field-error', { 'aria-live': 'polite' });
  const depositForm = h('form.card#split-deposit', { 'aria-label': t('split.depositTitle') },
    h('h2', t('split.depositTitle')), h('p.hint', t('split.depositHint')),
    Object.values(fields), validateError, h('div.actions', validateButton));
  const done = h('p.success#split-done', { role: 'status' });
  depositForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.showError(''));
    validateError.textContent = '';
    if (!type.value) { fields.documentType.showError(t('deposit.needType')); return; }
    validateButton.disabled = true;
    depositForm.setAttribute('aria-busy', 'true');
    status.textContent = t('split.validating', { count: draft.students.filter((s) => s.pages.length).length });
    try {
      draft = await post(`/splits/${encodeURIComponent(id)}/validate`, {
        documentType: type.value, memo: memo.value, publishFrom: publishFrom.value, publishTo: publishTo.value });
      status.textContent = '';
      draw();
      context.announce(done.textContent);
    } catch (problem) {
      status.textContent = '';
      const target = fields[FIELD_OF_REASON[problem.reason]];
      if (target) target.showError(problem.text()); else validateError.textContent = problem.text();
    } finally {
      validateButton.disabled = false;
      depositForm.removeAttribute('aria-busy');
    }
  });

  // giving up the draft: back to the list, where it is no longer
  const deleteDraft = h('div.actions#split-delete', deleteButton(draft, context, () => context.navigate('split')));

  // the pages to decide on first, then every student's pages, then the deposit
  clear(container, h('p', h('a', { href: '#/split' }, t('split.back'))), summary, status, unmatched, discarded,
    h('div.table-scroll', table), depositForm, done, deleteDraft);
  draw();
}
