// Signing editors in through the Cognito hosted UI: the browser's half of the PKCE flow (pkce.ts has the steps).
// The verifier and state live in this tab's session storage only until the code comes back.
import { forgetEditorToken, rememberEditorToken } from './auth.ts';
import {
  authorizeUrl,
  codeChallenge,
  logoutUriFor,
  logoutUrl,
  randomToken,
  readCallback,
  redirectUriFor,
  tokenRequest,
} from './pkce.ts';
import type { CognitoSignIn } from './site-config.ts';

const pendingKey = 'updates-feed.sign-in';

interface Pending {
  state: string;
  verifier: string;
  redirectUri: string;
  /** The page that asked for the sign-in, a path on this origin; the hosted UI returns to the desk. */
  returnTo: string;
}

function readPending(): Pending | undefined {
  try {
    const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as Pending | null;
    return pending ?? undefined;
  } catch {
    return undefined;
  }
}

/** Leaves for the hosted UI; false when this origin is not among the client's callback URLs. */
export async function startSignIn(signIn: CognitoSignIn): Promise<boolean> {
  const redirectUri = redirectUriFor(signIn, location.origin);
  if (redirectUri === undefined) return false;
  const verifier = randomToken();
  const state = randomToken();
  const pending: Pending = {
    state,
    verifier,
    redirectUri,
    returnTo: `${location.pathname}${location.search}`,
  };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  location.assign(authorizeUrl(signIn, { redirectUri, state, challenge: await codeChallenge(verifier) }));
  return true;
}

/** A path on this origin, never `//host` (another origin) or a URL. */
const isLocalPath = (path: string) => path.startsWith('/') && !path.startsWith('//');

/**
 * Completes a sign-in the hosted UI sent back here: checks the state, redeems the code with the verifier, keeps
 * the access token (not the refresh token: an expired session signs in again) and takes the code out of the URL.
 */
export async function finishSignIn(
  signIn: CognitoSignIn,
): Promise<'nothing' | 'signed-in' | { error: string }> {
  const pending = readPending();
  const callback = readCallback(location.search, pending?.state);
  if (callback === undefined) return 'nothing';
  sessionStorage.removeItem(pendingKey);
  history.replaceState(null, '', location.pathname);
  if ('error' in callback || pending === undefined)
    return { error: 'error' in callback ? callback.error : '' };
  const request = tokenRequest(signIn, {
    code: callback.code,
    verifier: pending.verifier,
    redirectUri: pending.redirectUri,
  });
  const response = await fetch(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: request.body,
    credentials: 'omit',
    redirect: 'error',
  });
  const answer = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || answer.access_token === undefined)
    return { error: answer.error ?? `the token endpoint answered ${response.status}` };
  rememberEditorToken(answer.access_token);
  if (isLocalPath(pending.returnTo) && pending.returnTo !== location.pathname)
    location.replace(pending.returnTo);
  return 'signed-in';
}

/** Forgets the token and ends the hosted UI's own session too, where a sign-out URL is registered. */
export function signOutOfCognito(signIn: CognitoSignIn): void {
  forgetEditorToken();
  const logoutUri = logoutUriFor(signIn, location.origin);
  if (logoutUri !== undefined) location.assign(logoutUrl(signIn, logoutUri));
}
