// The frame every page shares: masthead, navigation, the language switch, and mounting a page into it.
import type { ComponentChildren, FunctionComponent } from 'preact';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Lang, lang, setLang, t } from './i18n.ts';

const navigation = [
  { href: '/', key: 'navLatest' },
  { href: '/desk', key: 'navDesk' },
  { href: '/subscribe', key: 'navSubscribe' },
] as const;

/** Sets the window title; pages call it with text in the current language. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · updates-feed`;
  }, [title]);
}

function Shell({ page: Page }: { page: FunctionComponent }) {
  const [language, setLanguage] = useState<Lang>(lang());
  const other: Lang = language === 'zh' ? 'en' : 'zh';
  const here = location.pathname;
  // The whole tree re-renders on a switch, so every t() call below reads the new language.
  const switchLanguage = () => {
    setLang(other);
    setLanguage(other);
  };
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="masthead">
        <div class="wrap masthead-inner">
          <a class="brand" href="/">
            <img class="brand-mark" src="/assets/favicon.svg" alt="" />
            <span class="brand-name">{t('brand')}</span>
            <span class="brand-tagline">{t('brandTagline')}</span>
          </a>
          <nav class="site-nav" aria-label={t('mainNavigation')}>
            {navigation.map((item) => (
              <a key={item.href} href={item.href} aria-current={here === item.href ? 'page' : undefined}>
                {t(item.key)}
              </a>
            ))}
          </nav>
          <button
            type="button"
            class="lang-switch"
            lang={other === 'zh' ? 'zh-Hans' : 'en'}
            aria-label={t('switchLanguageLabel')}
            onClick={switchLanguage}
          >
            {t('switchLanguage')}
          </button>
        </div>
      </header>
      <main id="main" class="wrap">
        <Page />
      </main>
      <footer class="site-footer">
        <div class="wrap">
          updates-feed · <a href="/feed.rss">RSS</a> · <a href="/feed.atom">Atom</a> ·{' '}
          <a href="/feed.json">JSON Feed</a>
        </div>
      </footer>
    </>
  );
}

export function mount(page: FunctionComponent): void {
  setLang(lang());
  const root = document.getElementById('app');
  if (root !== null) render(<Shell page={page} />, root);
}

/** A line of state (loading, failed, empty) where a page's content will be. */
export function Notice({
  children,
  tone = 'quiet',
}: {
  children: ComponentChildren;
  tone?: 'quiet' | 'error';
}) {
  return (
    <p class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
