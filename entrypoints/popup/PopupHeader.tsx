import { t } from '@/utils/i18n/messages';
import { nativeBrowser } from '@/utils/native-browser';

/** Opens the options page, where accounts are connected. */
export const openAccounts = () => void nativeBrowser().runtime.openOptionsPage();

/** The popup's title bar, with its links to the sent posts and the accounts. */
export function PopupHeader() {
  return (
    <header className="bar">
      <h1>{t('manifest.name')}</h1>
      <nav className="bar-links" aria-label={t('popup.pagesLabel')}>
        <a
          href={nativeBrowser().runtime.getURL('/sent-posts.html')}
          target="_blank"
          rel="noreferrer"
        >
          {t('history.listLabel')}
        </a>
        <button type="button" className="link" onClick={openAccounts}>
          {t('popup.accounts')}
        </button>
      </nav>
    </header>
  );
}

/** What the popup shows until an account is connected. */
export function NoAccounts() {
  return (
    <section className="empty">
      <p>{t('popup.empty')}</p>
      <button type="button" className="primary" onClick={openAccounts}>
        {t('popup.connect')}
      </button>
    </section>
  );
}
