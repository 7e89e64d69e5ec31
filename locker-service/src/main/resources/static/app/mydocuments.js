// My documents: the person's own space on the platform (Alfresco: My Files), with its folders, and the sites they
// may read. What is deposited from it is a copy (decision 0015).
import { del, get, upload } from './api.js';
import { clear, field, formatDate, formatSize, h } from './dom.js';
import { lang, t } from './i18n.js';

export async function myDocumentsScreen(container) {
  const status = h('p.status', { role: 'status', 'aria-live': 'polite' });
  const crumbs = h('nav', { 'aria-label': t('mydocs.breadcrumb') });
  const list = h('ul.entries');
  const libraries = h('div');
  const file = h('input', { type: 'file', name: 'file' });
  const fileField = field(t('mydocs.file'), file, { name: 'file' });
  const uploadForm = h('form.card', { 'aria-label': t('mydocs.upload') }, h('h2', t('mydocs.upload')), fileField,
    h('div.actions', h('button.primary', { type: 'submit' }, t('mydocs.uploadButton'))));
  const folderName = h('input', { name: 'name', maxlength: '200' });
  const folderField = field(t('mydocs.folderName'), folderName, { name: 'name' });
  const folderForm = h('form.card', { 'aria-label': t('mydocs.newFolder') }, h('h2', t('mydocs.newFolder')),
    folderField, h('div.actions', h('button', { type: 'submit' }, t('mydocs.create'))));
  let current = null;

  async function show(folderId) {
    const listing = await get(`/me/documents${folderId ? `?folder=${encodeURIComponent(folderId)}` : ''}`);
    current = listing;
    clear(crumbs, h('ol.breadcrumb', listing.breadcrumb.map((crumb, i) => h('li',
      i === listing.breadcrumb.length - 1
        ? h('span', { 'aria-current': 'location' }, crumb.name || t('mydocs.root'))
        : h('button.link', { type: 'button', onclick: () => show(i === 0 && listing.mine ? null : crumb.id) },
          crumb.name || t('mydocs.root'))))));
    clear(list, listing.entries.length === 0 ? h('li', t('mydocs.empty')) : listing.entries.map((entry) => h('li',
      entry.folder
        ? h('button.link', { type: 'button', onclick: () => show(entry.id) }, `📁 ${entry.name}`)
        : h('span', entry.name, ' ', h('small', `${formatSize(entry.size)} · ${formatDate(entry.modified, lang())}`)),
      listing.mine ? h('button', { type: 'button', 'aria-label': t('mydocs.deleteNamed', { name: entry.name }),
        onclick: async () => {
          await del(`/me/documents/${entry.id}`);
          status.textContent = t('mydocs.deleted', { name: entry.name });
          await show(listing.breadcrumb.length > 1 ? listing.folderId : null);
        } }, t('mydocs.delete')) : null)));
    clear(libraries, listing.libraries.length === 0 ? null : [h('h2', t('mydocs.libraries')),
      h('ul', listing.libraries.map((library) => h('li',
        h('button.link', { type: 'button', onclick: () => show(library.folderId) }, library.title))))]);
    uploadForm.hidden = !listing.mine;
    folderForm.hidden = !listing.mine;
  }

  const here = () => (current && current.breadcrumb.length > 1 ? current.folderId : '');
  uploadForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    fileField.showError('');
    if (!file.files.length) { fileField.showError(t('mydocs.needFile')); return; }
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('folder', here());
    try {
      const entry = await upload('/me/documents', data, () => {});
      status.textContent = t('mydocs.uploaded', { name: entry.name });
      uploadForm.reset();
      await show(here() || null);
    } catch (problem) {
      fileField.showError(problem.text());
    }
  });
  folderForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    folderField.showError('');
    try {
      const data = new FormData();
      data.append('name', folderName.value);
      data.append('folder', here());
      await upload('/me/documents/folders', data, () => {});
      folderForm.reset();
      await show(here() || null);
    } catch (problem) {
      folderField.showError(problem.text());
    }
  });

  clear(container, h('p.hint', t('mydocs.intro')), status, crumbs, h('h2', t('mydocs.content')), list,
    uploadForm, folderForm, libraries);
  await show(null);
}
