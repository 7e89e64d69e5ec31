// Document types as people see them: the administrator's label in the page's language (the code stays in the
// API). Loaded once per page; label('docType', code) then gives the label everywhere.
import { get } from './api.js';
import { registerLabels } from './i18n.js';

let loading = null;

/** The codes of the document types, in the administrator's order, their labels registered. */
export function documentTypes() {
  if (!loading) {
    loading = get('/lockers/document-types/labels').then((types) => {
      registerLabels('docType', types);
      return types.map((type) => type.code);
    }).catch((problem) => {
      loading = null;
      throw problem;
    });
  }
  return loading;
}

/** After the administrator changed them. */
export function forgetDocumentTypes() {
  loading = null;
}
