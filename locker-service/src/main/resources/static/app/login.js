import { initialLanguage, loadLanguage, t, translateStatic } from './i18n.js';

async function show(lang) {
  await loadLanguage(lang);
  translateStatic();
  document.title = `${t('app.name')} — ${t('login.title')}`;
  document.getElementById('lang').value = lang;
  const params = new URLSearchParams(window.location.search);
  const status = document.getElementById('login-status');
  if (params.has('error')) {
    status.textContent = t('login.error');
    status.className = 'status error';
  } else if (params.has('logout')) {
    status.textContent = t('login.loggedOut');
  }
}

document.getElementById('lang').addEventListener('change', (event) => show(event.target.value));
show(initialLanguage());
