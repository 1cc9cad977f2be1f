// Asking the editor to sign in, once per tab; the credential itself is auth.ts's business.
import { useState } from 'preact/hooks';
import { editorToken, forgetEditorToken, rememberEditorToken } from './auth.ts';
import { t } from './i18n.ts';

/** Whether the editor has signed in, and the means to sign in and out (a refused token signs out). */
export function useEditor() {
  const [signedIn, setSignedIn] = useState(editorToken() !== undefined);
  const [rejected, setRejected] = useState(false);
  return {
    signedIn,
    rejected,
    signIn(token: string) {
      rememberEditorToken(token);
      setRejected(false);
      setSignedIn(true);
    },
    signOut(because: 'asked' | 'rejected' = 'asked') {
      forgetEditorToken();
      setRejected(because === 'rejected');
      setSignedIn(false);
    },
  };
}

export function SignIn({
  lead,
  rejected,
  onSignIn,
}: {
  lead: string;
  rejected: boolean;
  onSignIn: (token: string) => void;
}) {
  const [token, setToken] = useState('');
  return (
    <form
      class="panel sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim() !== '') onSignIn(token);
      }}
    >
      <h2 class="panel-title">{t('signInTitle')}</h2>
      <p class="field-hint">{lead}</p>
      <label class="field">
        <span class="field-label">{t('tokenLabel')}</span>
        <input
          type="password"
          name="token"
          autocomplete="off"
          required
          value={token}
          aria-invalid={rejected}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        {rejected ? (
          <span class="field-error" role="alert">
            {t('tokenRejected')}
          </span>
        ) : null}
      </label>
      <button type="submit" class="button">
        {t('signIn')}
      </button>
    </form>
  );
}
