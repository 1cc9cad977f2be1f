// Asking the editor to sign in, once per tab, the way this deployment signs editors in (site-config.ts): the
// sandbox's token typed in, or the Cognito hosted UI. The credential itself is auth.ts's business.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { siteConfig } from './api.ts';
import { editorToken, forgetEditorToken, rememberEditorToken } from './auth.ts';
import { finishSignIn, signOutOfCognito, startSignIn } from './cognito.ts';
import { t } from './i18n.ts';
import { Notice } from './shell.tsx';
import type { SiteConfig } from './site-config.ts';
import { useLoad } from './use-load.ts';

type SignInConfig = SiteConfig['signIn'];

/** Why the editor is not signed in, when it is not simply that they have not tried. */
type Problem = { kind: 'rejected' } | { kind: 'failed'; message: string } | { kind: 'no-callback' };

/** Whether the editor has signed in, and the means to sign in and out (a refused token signs out). */
export function useEditor(signIn: SignInConfig) {
  const [signedIn, setSignedIn] = useState(editorToken() !== undefined);
  const [problem, setProblem] = useState<Problem | undefined>();
  // Back from the hosted UI with a code (or an error) in the URL.
  useEffect(() => {
    if (signIn.kind !== 'cognito') return;
    finishSignIn(signIn).then(
      (result) => {
        if (result === 'signed-in') setSignedIn(true);
        else if (result !== 'nothing') setProblem({ kind: 'failed', message: result.error });
      },
      (error: unknown) => setProblem({ kind: 'failed', message: String(error) }),
    );
  }, [signIn]);
  return {
    signedIn,
    problem,
    signInWith(token: string) {
      rememberEditorToken(token);
      setProblem(undefined);
      setSignedIn(true);
    },
    async signInWithCognito() {
      if (signIn.kind === 'cognito' && !(await startSignIn(signIn))) setProblem({ kind: 'no-callback' });
    },
    signOut(because: 'asked' | 'rejected' = 'asked') {
      if (because === 'asked' && signIn.kind === 'cognito') signOutOfCognito(signIn);
      else forgetEditorToken();
      setProblem(because === 'rejected' ? { kind: 'rejected' } : undefined);
      setSignedIn(false);
    },
  };
}

type Editor = ReturnType<typeof useEditor>;

function problemText(problem: Problem): string {
  if (problem.kind === 'rejected') return t('tokenRejected');
  if (problem.kind === 'no-callback') return t('signInUnavailable');
  return t('signInFailed', { message: problem.message });
}

function TokenForm({ editor }: { editor: Editor }) {
  const [token, setToken] = useState('');
  const { problem } = editor;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim() !== '') editor.signInWith(token);
      }}
    >
      <label class="field">
        <span class="field-label">{t('tokenLabel')}</span>
        <input
          type="password"
          name="token"
          autocomplete="off"
          required
          value={token}
          aria-invalid={problem !== undefined}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        {problem === undefined ? null : (
          <span class="field-error" role="alert">
            {problemText(problem)}
          </span>
        )}
      </label>
      <button type="submit" class="button">
        {t('signIn')}
      </button>
    </form>
  );
}

export function SignIn({ lead, signIn, editor }: { lead: string; signIn: SignInConfig; editor: Editor }) {
  return (
    <section class="panel sign-in" aria-labelledby="sign-in-title">
      <h2 class="panel-title" id="sign-in-title">
        {t('signInTitle')}
      </h2>
      <p class="field-hint">{signIn.kind === 'cognito' ? t('signInCognitoLead') : lead}</p>
      {signIn.kind === 'cognito' ? (
        <>
          {editor.problem === undefined ? null : (
            <p class="field-error" role="alert">
              {problemText(editor.problem)}
            </p>
          )}
          <button type="button" class="button" onClick={() => void editor.signInWithCognito()}>
            {t('signInCognito')}
          </button>
        </>
      ) : (
        <TokenForm editor={editor} />
      )}
    </section>
  );
}

/** What an editors' page shows once it knows how this deployment signs editors in; until then, that it waits. */
export function WithSiteConfig({ children }: { children: (config: SiteConfig) => ComponentChildren }) {
  const config = useLoad(siteConfig, []);
  if (config.state === 'loading') return <Notice>{t('loading')}</Notice>;
  if (config.state === 'failed')
    return <Notice tone="error">{t('loadFailed', { message: config.error.message })}</Notice>;
  return <>{children(config.value)}</>;
}
