/** Posts the sign-in form as a browser would (url-encoded), without following the redirect. */
export function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** The name=value part of a Set-Cookie header, for sending it back. */
export const cookieOf = (res: Response): string => (res.headers.get('set-cookie') ?? '').split(';')[0];

/** Signs in to the dashboard of a running bot with the admin token, returning the session cookie. */
export async function adminSessionCookie(botUrl: string, adminToken: string): Promise<string> {
  return cookieOf(await postForm(`${botUrl}/dashboard/sign-in`, { token: adminToken }));
}
