// The deposit wizard, in the order of the help page: source, document, type/name/memo, recipients,
// "deposit in the locker of any newly created ...", "allow the recipient to modify", publication window, Validate.
import { get, upload } from './api.js';
import { checkbox, clear, field, h, nextId } from './dom.js';
import { label, t } from './i18n.js';
import { documentTypes } from './types.js';
import { describePerson, loadPeople, nameOf, rememberPeople } from './people.js';

/** Which field shows a refusal, by the problem's reason. */
const FIELD_OF_REASON = {
  NO_FILE: 'file', EMPTY_FILE: 'file', TYPE_NOT_ACCEPTED: 'file', FILE_TOO_LARGE: 'file', UNKNOWN_DOCUMENT: 'file',
  INVALID_PARAMETER: 'file', UNKNOWN_DOCUMENT_TYPE: 'documentType', INVALID_NAME: 'name', MEMO_TOO_LONG: 'memo',
  RESERVED_NAME: 'name', EXECUTABLE_NAME: 'name', NAME_COUNT_MISMATCH: 'name', TYPE_COUNT_MISMATCH: 'documentType',
  NO_RECIPIENT: 'recipients', UNKNOWN_RECIPIENT: 'recipients', CATEGORY_NOT_ALLOWED: 'recipients',
  WINDOW_REQUIRED: 'publishFrom', WINDOW_INVALID: 'publishTo', WINDOW_ENDED: 'publishTo',
};

/** "→ 42 people": the distinct people the chosen items reach (a class's guardians, a team, a whole category). */
function peopleCount(items) {
  const count = new Set([...items].flatMap((item) => item.ids || [])).size;
  return t(count === 1 ? 'deposit.peopleCountOne' : 'deposit.peopleCount', { count });
}

export async function depositScreen(container, context) {
  const [types, mine, capabilities] = await Promise.all([documentTypes(), get('/lockers/mine?limit=200'),
    get('/lockers/capabilities'), loadPeople(context.me)]);
  // what applies to this depositor is the engine's answer: a guardian chooses personnel of their children's
  // classes or those classes' teams, without the standing option nor "allow modify"
  const options = capabilities.deposit;
  const categories = options.categories;
  /** selector -> { category, label } */
  const selection = new Map();

  if (options.familyClassesOnly) container.append(h('p.hint', t('deposit.guardianIntro')));
  // one PDF per class cut into one document per student (issue 15): the establishment's
  if (context.me && (context.me.personnel || context.me.profile === 'administrator')) {
    container.append(h('p.hint', h('a#deposit-split-link', { href: '#/split' }, t('nav.split'))));
  }

  // 1. source
  const sourceName = nextId('source');
  const fromComputer = h('input', { type: 'radio', name: sourceName, value: 'computer', id: nextId('r'),
    checked: true });
  const fromCloud = h('input', { type: 'radio', name: sourceName, value: 'cloud', id: nextId('r') });
  const step1 = h('fieldset.step', h('legend', t('deposit.step1')),
    h('div.check', fromComputer, h('label', { for: fromComputer.id }, t('deposit.fromComputer'))),
    h('div.check', fromCloud, h('label', { for: fromCloud.id }, t('deposit.fromCloud'))));

  // 2. the document
  const file = h('input', { type: 'file', name: 'file', multiple: true });
  const fileField = field(t('deposit.file'), file, { name: 'file', hint: t('deposit.fileHint') });
  const cloud = h('select', { name: 'fromNode' }, h('option', { value: '' }, t('deposit.chooseDocument')),
    mine.entries.map((doc) => h('option', { value: doc.id }, `${doc.name} (${nameOf(doc.depositor)})`)));
  // the personnel's cloud is "My documents" and the sites they may read, where they tick one or several documents;
  // a guardian's is the documents they received (decision 0015)
  const personal = Boolean(context.me && (context.me.personnel || context.me.profile === 'administrator'));
  /** The documents ticked in the cloud, in the order ticked: id -> { id, name } (the rows of step 3 follow it). */
  const cloudPicked = new Map();
  const cloudBrowser = personal ? myCloudBrowser(cloudPicked, () => drawRows()) : null;
  const cloudField = cloudBrowser || field(t('deposit.cloudDocument'), cloud, { name: 'fromNode' });
  cloudField.hidden = true;
  // files can also be dropped onto the step, several at once and in several goes
  const dropZone = h('div.drop-zone', h('p.drop-hint', { 'aria-hidden': 'true' }, t('deposit.dropHint')), fileField);
  const step2 = h('fieldset.step', h('legend', t('deposit.step2')), dropZone, cloudField);
  const showSource = () => {
    fileField.hidden = !fromComputer.checked;
    cloudField.hidden = fromComputer.checked;
    if (cloudBrowser && !fromComputer.checked) cloudBrowser.open();
    drawRows();
  };
  fromComputer.addEventListener('change', showSource);
  fromCloud.addEventListener('change', showSource);

  // 3. type, name, memo
  const type = h('select', { name: 'documentType', required: true },
    h('option', { value: '' }, t('deposit.chooseType')),
    types.map((code) => h('option', { value: code }, label('docType', code))));
  const name = h('input', { name: 'name', maxlength: '200' });
  const memo = h('textarea', { name: 'memo', rows: '3', maxlength: '2000' });
  const typeField = field(t('deposit.type'), type, { name: 'documentType' });
  const nameField = field(t('deposit.rename'), name, { name: 'name', hint: t('deposit.renameHint') });
  const memoField = field(t('deposit.memo'), memo, { name: 'memo', hint: t('deposit.memoHint') });
  // with several files, one row per file: its own type and name (the single type and name fields go)
  const rows = h('div#deposit-files');
  const step3 = h('fieldset.step', h('legend', t('deposit.step3')), typeField, nameField, rows, memoField);
  /** The rows of several files: { file, typeField, type, nameField, name }; empty for one file or the cloud. */
  let fileRows = [];
  function drawRows() {
    const items = fromComputer.checked ? [...file.files] : [...cloudPicked.values()];
    const several = items.length > 1;
    typeField.hidden = several;
    nameField.hidden = several;
    const previous = new Map(fileRows.map((row) => [row.file, row]));
    fileRows = several ? items.map((chosen, index) => {
      const kept = previous.get(chosen);
      if (kept) return kept;
      const rowType = h('select.row-type', { required: true }, h('option', { value: '' }, t('deposit.chooseType')),
        types.map((code) => h('option', { value: code }, label('docType', code))));
      rowType.value = type.value;
      const rowName = h('input.row-name', { maxlength: '200', placeholder: chosen.name });
      const rowTypeField = field(t('deposit.type'), rowType, { name: 'documentType' });
      const rowNameField = field(t('deposit.rename'), rowName, { name: 'name' });
      return { file: chosen, index, typeField: rowTypeField, type: rowType, nameField: rowNameField, name: rowName };
    }) : [];
    clear(rows, fileRows.map((row, index) => h('fieldset.file-row', { 'data-file': row.file.name },
      h('legend', t('deposit.fileRow', { number: index + 1, name: row.file.name })), row.typeField, row.nameField)));
  }
  file.addEventListener('change', drawRows);
  acceptDroppedFiles(dropZone, file, () => {
    fromComputer.checked = true;
    showSource();
    context.announce(t('deposit.filesChosen', { count: file.files.length }));
  });
  /** A name and a type per file with several files (in the order of the files), else the single ones. */
  function appendNamesAndTypes(data) {
    if (!fileRows.length) {
      if (type.value) data.append('documentType', type.value);
      if (name.value.trim()) data.append('name', name.value.trim());
      return;
    }
    fileRows.forEach((row) => data.append('documentType', row.type.value));
    if (fileRows.some((row) => row.name.value.trim())) {
      fileRows.forEach((row) => data.append('name', row.name.value.trim()));
    }
  }
  /** The type fields left empty, to show before sending. */
  function missingTypes() {
    if (!fileRows.length) return type.value ? [] : [[typeField, t('deposit.needType')]];
    return fileRows.filter((row) => !row.type.value).map((row) => [row.typeField, t('deposit.needType')]);
  }
  /** The row a refusal of one file points at (the service names the file by its place). */
  function rowTarget(problem) {
    const row = fileRows[problem.body?.fileIndex];
    if (!row) return undefined;
    return FIELD_OF_REASON[problem.reason] === 'documentType' ? row.typeField : row.nameField;
  }

  // 4. recipients per category
  const chosen = h('ul.chips', { 'aria-live': 'polite', id: 'deposit-recipients' });
  const recipientsError = h('p.field-error', { id: nextId('err'), 'aria-live': 'polite' });
  const recipientsCount = h('p.picker-count#deposit-count', { 'aria-live': 'polite' });
  const categoryButtons = categories.map((category) => {
    const button = h('button.category', { type: 'button', 'data-category': category },
      t(`deposit.category.${category}`));
    button.addEventListener('click', () => openPicker(category, button));
    return button;
  });
  // an h2 (the page's h1 comes before it: no level skipped), the place focus goes when the last chip is removed
  const selectedHeading = h('h2.small#deposit-selected-heading', { tabindex: '-1' }, t('deposit.selected'));
  const step4 = h('fieldset.step', { 'data-field': 'recipients' }, h('legend', t('deposit.step4')),
    h('p.hint', t('deposit.recipientsHint')), h('div.actions', categoryButtons),
    selectedHeading, chosen, recipientsCount, recipientsError);
  step4.showError = (message) => { recipientsError.textContent = message || ''; };

  // 5. standing, 6. allow modify
  const standing = checkbox(t('deposit.standing'), { name: 'standing' });
  const step5 = h('fieldset.step', h('legend', t('deposit.step5')), standing,
    h('p.hint', t('deposit.standingHint')));
  const allowModify = checkbox(t('deposit.allowModify'), { name: 'allowModify' });
  const step6 = h('fieldset.step', h('legend', t('deposit.step6')), allowModify);

  // 7. publication window, when guardians are among the recipients
  const publishFrom = h('input', { type: 'datetime-local', name: 'publishFrom' });
  const publishTo = h('input', { type: 'datetime-local', name: 'publishTo' });
  const fromField = field(t('deposit.publishFrom'), publishFrom, { name: 'publishFrom' });
  const toField = field(t('deposit.publishTo'), publishTo, { name: 'publishTo' });
  const step7 = h('fieldset.step#deposit-window', h('legend', t('deposit.step7')),
    h('p.hint', t('deposit.windowHint')), fromField, toField);
  step7.hidden = true;

  // 8. validate
  const progress = h('progress#deposit-progress', { max: '1', value: '0', 'aria-label': t('deposit.progress') });
  const progressText = h('span#deposit-progress-text', { 'aria-live': 'polite' });
  // with several files, each one's share of the upload, in the order they are sent
  const fileProgress = h('ul.file-progress#deposit-file-progress');
  const progressBox = h('div.progress', progress, progressText, fileProgress);
  progressBox.hidden = true;
  const formError = h('p.error#deposit-error', { role: 'alert' });
  const result = h('div#deposit-result', { 'aria-live': 'polite' });
  const submit = h('button.primary#deposit-submit', { type: 'submit' }, t('deposit.validate'));
  // Validate with the progress beside it
  const step8 = h('div.step.submit-bar', submit, progressBox, formError, result);

  const form = h('form.wizard#deposit-form', { novalidate: true, 'aria-label': t('nav.deposit') },
    step1, step2, step3, step4, options.standing && step5, options.allowModify && step6, step7, step8);
  container.append(form);

  // after a deposit the form is reset: nothing stays ticked in the cloud
  form.addEventListener('reset', () => {
    cloudPicked.clear();
    if (cloudBrowser) cloudBrowser.redraw();
  });

  const fields = { file: fileField, fromNode: cloudField, documentType: typeField, name: nameField, memo: memoField,
    recipients: step4, publishFrom: fromField, publishTo: toField };

  function drawSelection() {
    clear(chosen, [...selection.entries()].map(([selector, item]) => {
      const remove = h('button.chip-remove', { type: 'button', 'aria-label': t('deposit.remove', { name: item.label }) },
        '×');
      remove.addEventListener('click', () => {
        const place = [...selection.keys()].indexOf(selector);
        selection.delete(selector);
        drawSelection();
        focusAfterRemoval(chosen, place, selectedHeading);
      });
      return h('li.chip', { 'data-selector': selector }, h('span', `${t(`deposit.category.${item.category}`)}: `),
        item.label, ' ', remove);
    }));
    if (selection.size === 0) chosen.append(h('li.empty', t('deposit.noneSelected')));
    recipientsCount.textContent = selection.size ? peopleCount(selection.values()) : '';
    step7.hidden = ![...selection.values()].some((item) => item.category === 'guardian');
    if (selection.size) step4.showError('');
  }
  drawSelection();

  async function openPicker(category, opener) {
    const pending = new Map([...selection.entries()].filter(([, item]) => item.category === category));
    const titleId = nextId('dlg');
    const search = h('input', { type: 'search', name: 'q' });
    const list = h('div.picker-list');
    const validate = h('button.primary', { type: 'button' }, t('deposit.validateSelection'));
    const cancel = h('button', { type: 'button' }, t('app.cancel'));
    // "→ 42 people": how many people the ticks reach, before Validate
    const count = h('p.picker-count#picker-count', { 'aria-live': 'polite' });
    const myClasses = h('button.my-classes#picker-my-classes', { type: 'button' });
    myClasses.hidden = true;
    const dialog = h('dialog.picker', { 'aria-labelledby': titleId, 'data-category': category },
      h('h2', { id: titleId }, t('deposit.pickerTitle', { category: t(`deposit.category.${category}`) })),
      field(t('deposit.search'), search), h('div.actions', myClasses), list,
      h('div.actions', count, validate, cancel));
    document.body.append(dialog);
    const close = () => {
      forgetBack();
      dialog.close();
      dialog.remove();
      opener.focus();
    };
    let forgetBack = () => {};
    cancel.addEventListener('click', close);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close();
    });
    validate.addEventListener('click', () => {
      [...selection.keys()].filter((key) => selection.get(key).category === category)
        .forEach((key) => selection.delete(key));
      pending.forEach((item, key) => selection.set(key, item));
      drawSelection();
      close();
      context.announce(t('deposit.selectionCount', { count: selection.size }));
    });
    const showCount = () => { count.textContent = peopleCount(pending.values()); };
    /** selector -> its tick boxes (a person may be listed under several classes) */
    const boxes = new Map();
    const choose = (selector, item, on) => {
      if (on) pending.set(selector, item);
      else pending.delete(selector);
      (boxes.get(selector) || []).forEach((input) => { input.checked = on; });
      showCount();
    };
    const tick = (selector, text, ids) => {
      const box = checkbox(text, { value: selector, checked: pending.has(selector) });
      if (!boxes.has(selector)) boxes.set(selector, []);
      boxes.get(selector).push(box.input);
      box.input.addEventListener('change', () => choose(selector, { category, label: text, ids }, box.input.checked));
      return box;
    };
    const personTick = (person) => tick(`user:${person.id}`, describePerson(person), [person.id]);
    let timer = null;
    let myGroups = [];
    const load = async () => {
      const candidates = await get(`/lockers/candidates?category=${category}&q=${encodeURIComponent(search.value)}`);
      rememberPeople(candidates.persons);
      boxes.clear();
      clear(list);
      if (candidates.wholeCategory) {
        list.append(h('div.whole', tick(candidates.wholeCategory, t(`deposit.whole.${category}`),
          candidates.persons.map((person) => person.id))));
      }
      const term = search.value.trim().toLowerCase();
      const groups = candidates.byClass.filter((group) => (!term || group.members.length
        || group.className.toLowerCase().includes(term) || group.classCode.toLowerCase().includes(term))
        && (group.selector || group.members.length));
      // people grouped by class: the whole group first (guardians of a class, a team), then each person
      groups.forEach((group) => {
        const ids = group.members.map((person) => person.id);
        const whole = group.selector ? tick(group.selector, t(category === 'team' ? 'deposit.teamOf'
          : 'deposit.guardiansOf', { name: group.className, count: group.members.length }), ids) : null;
        const members = category === 'team' ? [] : group.members.map(personTick);
        list.append(h('fieldset.class-group', { 'data-class': group.classCode },
          h('legend', t('deposit.classGroup', { name: group.className, code: group.classCode })), whole, members));
      });
      const grouped = new Set(groups.flatMap((group) => group.members.map((person) => person.id)));
      const others = candidates.persons.filter((person) => !grouped.has(person.id));
      if (others.length) {
        list.append(h('fieldset.class-group', h('legend', t(groups.length ? 'deposit.otherPersons'
          : 'deposit.persons')), others.map(personTick)));
      }
      if (!list.children.length) list.append(h('p.empty', t('deposit.noCandidate')));
      // "my classes": a teacher ticks the people of their classes in one click
      const myCodes = context.me.classes || [];
      myGroups = groups.filter((group) => myCodes.includes(group.classCode));
      myClasses.hidden = myGroups.length === 0;
      myClasses.textContent = t('deposit.myClasses', { classes: myGroups.map((group) => group.className).join(', ') });
      showCount();
    };
    myClasses.addEventListener('click', () => {
      myGroups.forEach((group) => {
        if (group.selector) {
          choose(group.selector, { category, label: t(category === 'team' ? 'deposit.teamOf' : 'deposit.guardiansOf',
            { name: group.className, count: group.members.length }), ids: group.members.map((p) => p.id) }, true);
        } else {
          group.members.forEach((person) => choose(`user:${person.id}`,
            { category, label: describePerson(person), ids: [person.id] }, true));
        }
      });
      context.announce(count.textContent);
    });
    search.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, 250);
    });
    await load();
    dialog.showModal();
    forgetBack = closeOnBack(close);
    search.focus();
  }

  // the summary under Validate goes once every field it pointed at has been corrected
  form.addEventListener('change', () => {
    if (!form.querySelector('.field-error:not(:empty)')) formError.textContent = '';
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.showError(''));
    formError.textContent = '';
    clear(result);
    const data = new FormData();
    if (fromComputer.checked) {
      [...file.files].forEach((f) => data.append('file', f));
    } else if (personal) {
      cloudPicked.forEach((doc) => data.append('fromNode', doc.id));
    } else if (cloud.value) {
      data.append('fromNode', cloud.value);
    }
    appendNamesAndTypes(data);
    if (memo.value) data.append('memo', memo.value);
    // one text field, one selector a line: thousands of form fields would cost the service more than the deposit
    if (selection.size) data.append('recipientList', [...selection.keys()].join('\n'));
    // what the browser can tell at once; the service judges everything else (type, size, names, window)
    const missing = [];
    if (fromComputer.checked && file.files.length === 0) missing.push([fileField, t('deposit.needFile')]);
    if (!fromComputer.checked && !(personal ? cloudPicked.size : cloud.value)) {
      missing.push([cloudField, t('deposit.needFile')]);
    }
    missing.push(...missingTypes());
    if (selection.size === 0) missing.push([step4, t('deposit.needRecipient')]);
    if (missing.length) {
      missing.forEach(([target, message]) => target.showError(message));
      formError.textContent = t('deposit.fixErrors');
      const first = missing[0][0].querySelector('input, select, textarea, button');
      if (first) first.focus();
      return;
    }
    data.append('standing', String(standing.input.checked));
    data.append('allowModify', String(allowModify.input.checked));
    if (!step7.hidden) {
      if (publishFrom.value) data.append('publishFrom', publishFrom.value);
      if (publishTo.value) data.append('publishTo', publishTo.value);
    }
    submit.disabled = true;
    progressBox.hidden = false;
    progress.value = 0;
    progressText.textContent = t('deposit.uploading', { percent: 0 });
    const showFiles = fromComputer.checked && file.files.length > 1 ? perFileProgress(fileProgress, [...file.files])
      : () => clear(fileProgress);
    showFiles(0);
    step8.scrollIntoView({ block: 'nearest' });
    try {
      const created = await upload('/lockers/deposits', data, (fraction) => {
        progress.value = fraction;
        progressText.textContent = t('deposit.uploading', { percent: Math.round(fraction * 100) });
        showFiles(fraction);
      });
      showFiles(1);
      progressText.textContent = t('deposit.uploaded');
      const names = created.map((doc) => doc.name).join(', ');
      clear(result, h('p.success', t('deposit.done', { names })),
        h('a', { href: '#/distributions' }, t('deposit.seeDistributions')));
      context.announce(t('deposit.done', { names }));
      form.reset();
      selection.clear();
      drawSelection();
      showSource();
    } catch (problem) {
      progressBox.hidden = true;
      const target = rowTarget(problem) || fields[FIELD_OF_REASON[problem.reason] === 'file' && !fromComputer.checked ? 'fromNode'
        : FIELD_OF_REASON[problem.reason]];
      const message = problem.text ? problem.text() : String(problem);
      if (target) {
        target.showError(message);
        const control = target.querySelector('input, select, textarea, button');
        if (control) control.focus();
        formError.textContent = t('deposit.fixErrors');
      } else {
        formError.textContent = message;
      }
    } finally {
      submit.disabled = false;
    }
  });
}

/**
 * Back closes an open dialog instead of leaving it over the page: the dialog gets a history entry of its own
 * (same address, so no route changes). Returns what to call when the dialog closes another way (Validate,
 * Cancel, Escape): it takes that entry back, once.
 */
function closeOnBack(close) {
  let open = true;
  const onBack = () => {
    if (!open) return;
    open = false;
    window.removeEventListener('popstate', onBack);
    close();
  };
  window.history.pushState({ dialog: true }, '');
  window.addEventListener('popstate', onBack);
  return () => {
    if (!open) return;
    open = false;
    window.removeEventListener('popstate', onBack);
    window.history.back();
  };
}

/**
 * After a chosen recipient is removed, the focus goes to the chip now in its place (or the last one), else to the
 * heading of the selection: never to the page's body, where a keyboard user would have to start over.
 */
function focusAfterRemoval(chips, place, heading) {
  const buttons = [...chips.querySelectorAll('.chip-remove')];
  const next = buttons[Math.min(place, buttons.length - 1)];
  (next || heading).focus();
}

/** Files dropped on the zone join those already chosen in the file input (same name and size: kept once). */
function acceptDroppedFiles(zone, input, onAdded) {
  const over = (event) => {
    if (![...(event.dataTransfer?.types || [])].includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('dragging');
  };
  zone.addEventListener('dragenter', over);
  zone.addEventListener('dragover', over);
  zone.addEventListener('dragleave', (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const dropped = [...(event.dataTransfer?.files || [])];
    if (!dropped.length) return;
    const all = new DataTransfer();
    const seen = new Set();
    [...input.files, ...dropped].forEach((chosen) => {
      const key = `${chosen.name}/${chosen.size}`;
      if (seen.has(key)) return;
      seen.add(key);
      all.items.add(chosen);
    });
    input.files = all.files;
    onAdded();
  });
}

/**
 * Draws one line per file and returns how to update them from the upload's overall fraction: the files travel
 * one after the other in the request, so each one's share follows from the sizes of those before it.
 */
function perFileProgress(list, files) {
  const total = files.reduce((sum, f) => sum + f.size, 0) || 1;
  const lines = files.map((chosen) => {
    const bar = h('progress', { max: '1', value: '0', 'aria-label': chosen.name });
    const text = h('span.file-progress-text');
    clear(text, t('deposit.fileProgress', { name: chosen.name, percent: 0 }));
    return { chosen, bar, text, item: h('li', { 'data-file': chosen.name }, text, bar) };
  });
  clear(list, lines.map((line) => line.item));
  return (fraction) => {
    let before = 0;
    lines.forEach((line) => {
      const size = line.chosen.size || 1;
      const done = Math.max(0, Math.min(1, (fraction * total - before) / size));
      before += line.chosen.size;
      line.bar.value = done;
      line.text.textContent = done >= 1 ? t('deposit.fileSent', { name: line.chosen.name })
        : t('deposit.fileProgress', { name: line.chosen.name, percent: Math.round(done * 100) });
    });
  };
}

/**
 * "From my cloud" for the personnel: browses "My documents" (folders, a breadcrumb) and, at its top, the sites they
 * may read, and ticks documents into {@code picked} (kept while moving between folders). Loaded when first opened.
 */
function myCloudBrowser(picked, onChange) {
  const crumbs = h('nav', { 'aria-label': t('mydocs.breadcrumb') });
  const list = h('ul.cloud-entries');
  const libraries = h('div.cloud-libraries');
  const summary = h('p.cloud-picked#deposit-cloud-picked', { 'aria-live': 'polite' });
  const error = h('p.field-error', { id: nextId('err'), 'aria-live': 'polite' });
  const wrapper = h('fieldset.cloud-browser#deposit-cloud', { 'data-field': 'fromNode',
    'aria-describedby': error.id }, h('legend', t('deposit.cloudDocuments')), h('p.hint', t('deposit.cloudHint'),
    ' ', h('a', { href: '#/mydocuments' }, t('deposit.cloudManage'))), crumbs, list, libraries, summary, error);
  let listing = null;
  let loading = null;

  const drawSummary = () => {
    summary.textContent = picked.size
      ? t('deposit.cloudPicked', { count: picked.size, names: [...picked.values()].map((doc) => doc.name).join(', ') })
      : t('deposit.cloudNothingPicked');
  };
  function draw(focusHere) {
    const root = (crumb) => crumb.name || t('mydocs.root');
    clear(crumbs, h('ol.breadcrumb', listing.breadcrumb.map((crumb, i) => h('li',
      i === listing.breadcrumb.length - 1
        ? h('span', { 'aria-current': 'location', tabindex: '-1' }, root(crumb))
        : h('button.link', { type: 'button', onclick: () => show(i === 0 && listing.mine ? null : crumb.id) },
          root(crumb))))));
    clear(list, listing.entries.length === 0 ? h('li', t('mydocs.empty')) : listing.entries.map((entry) => h('li',
      entry.folder
        ? h('button.link', { type: 'button', 'data-folder': entry.name, onclick: () => show(entry.id) },
          t('deposit.cloudOpen', { name: entry.name }))
        : (() => {
          const box = checkbox(entry.name, { value: entry.id, checked: picked.has(entry.id) });
          box.input.addEventListener('change', () => {
            if (box.input.checked) picked.set(entry.id, { id: entry.id, name: entry.name });
            else picked.delete(entry.id);
            wrapper.showError('');
            drawSummary();
            onChange();
          });
          return box;
        })())));
    clear(libraries, listing.libraries.length === 0 ? null : [h('h3.small', t('mydocs.libraries')),
      h('ul', listing.libraries.map((library) => h('li',
        h('button.link', { type: 'button', onclick: () => show(library.folderId) }, library.title))))]);
    drawSummary();
    if (focusHere) crumbs.querySelector('[aria-current]').focus();
  }
  async function show(folderId) {
    try {
      listing = await get(`/me/documents${folderId ? `?folder=${encodeURIComponent(folderId)}` : ''}`);
      draw(true);
    } catch (problem) {
      wrapper.showError(problem.text ? problem.text() : String(problem));
    }
  }
  wrapper.showError = (message) => { error.textContent = message || ''; };
  wrapper.open = () => {
    if (!loading) {
      loading = get('/me/documents').then((top) => { listing = top; draw(false); })
        .catch((problem) => { loading = null; wrapper.showError(problem.text ? problem.text() : String(problem)); });
    }
    return loading;
  };
  wrapper.redraw = () => { if (listing) draw(false); else drawSummary(); };
  drawSummary();
  return wrapper;
}
