// The editors' credential and where it is kept. In the sandbox it is the bearer token typed in once per tab; on
// AWS, the Cognito hosted UI's access token (cognito.ts) is kept here the same way, so no page tells them apart.

const storageKey = 'updates-feed.editor-token';

/** Session storage: the token dies with the tab and is never sent anywhere by the browser on its own. */
export function editorToken(): string | undefined {
  try {
    return sessionStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberEditorToken(token: string): void {
  sessionStorage.setItem(storageKey, token.trim());
}

export function forgetEditorToken(): void {
  sessionStorage.removeItem(storageKey);
}

/** The Authorization header value for the API's editors' routes, if the editor has signed in. */
export function authorization(): string | undefined {
  const token = editorToken();
  return token === undefined ? undefined : `Bearer ${token}`;
}
