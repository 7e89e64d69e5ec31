// Reading a PDF or an image in the page. The service sends only images (a PDF's pages are rendered on the
// server), each behind the same permission check as a download, so nothing from the file runs here.
import { ROOT, get } from './api.js';
import { h, nextId } from './dom.js';
import { t } from './i18n.js';

const PREVIEWABLE = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export function previewable(mimeType) {
  return PREVIEWABLE.includes((mimeType || '').split(';')[0].trim().toLowerCase());
}

/** A "Preview" button for a document card; onOpened runs once the document has been shown. */
export function previewButton(entry, onOpened) {
  const button = h('button', { type: 'button', 'data-action': 'preview' }, t('preview.open'),
    h('span.visually-hidden', ` ${entry.name}`));
  button.addEventListener('click', () => openPreview(entry, button, onOpened));
  return button;
}

async function openPreview(entry, opener, onOpened) {
  const described = await get(`/lockers/documents/${encodeURIComponent(entry.id)}/preview`);
  const titleId = nextId('dlg');
  const close = h('button', { type: 'button' }, t('preview.close'));
  const pages = h('div.preview-pages', { tabindex: '0', 'aria-label': t('preview.pagesLabel', { name: entry.name }) });
  for (let page = 1; page <= described.pages; page += 1) {
    pages.append(h('img', {
      src: `${ROOT}/api/v1/lockers/documents/${encodeURIComponent(entry.id)}/preview/pages/${page}`,
      alt: described.pages > 1 ? t('preview.page', { page, count: described.pages, name: entry.name }) : entry.name,
      loading: page > 2 ? 'lazy' : 'eager',
      'data-page': String(page),
    }));
  }
  const dialog = h('dialog.preview', { 'aria-labelledby': titleId },
    h('div.preview-head', h('h2', { id: titleId }, t('preview.title', { name: entry.name })), close),
    described.pages > 1 ? h('p.meta', t('preview.pageCount', { count: described.pages })) : null,
    pages);
  document.body.append(dialog);
  const dismiss = () => {
    dialog.close();
    dialog.remove();
    opener.focus();
  };
  close.addEventListener('click', dismiss);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    dismiss();
  });
  dialog.showModal();
  close.focus();
  onOpened();
}
