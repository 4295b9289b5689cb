/**
 * Ends the session through the API's `POST /sso/logout`, which also knows whether it came through an identity
 * provider: it answers where to go next, the provider's logout (single logout) or the portal's signed-out page.
 * Null when the API could not be asked or answered something else; the caller then signs out the plain way.
 */
export async function signOutEverywhere(): Promise<string | null> {
  try {
    const response = await fetch('/sso/logout', {
      method: 'POST',
      credentials: 'same-origin',
      // JSON makes a cross-site form unable to send it: the API refuses other content types here.
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { redirectTo?: unknown };
    return typeof body.redirectTo === 'string' && isPageAddress(body.redirectTo) ? body.redirectTo : null;
  } catch {
    return null;
  }
}

/** Only a web page to go to: a path of the portal, or an http(s) address (the provider's logout). */
function isPageAddress(address: string): boolean {
  if (address.startsWith('/') && !address.startsWith('//')) return true;
  try {
    const { protocol } = new URL(address);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
