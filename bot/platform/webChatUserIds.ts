// The two kinds of web chat user id, told apart by prefix wherever a turn's user is judged.

/** Prefix of ids vouched for by a signed user token; nobody can choose one without the secret. */
export const VERIFIED_USER_PREFIX = 'dl_user_';

/** Prefix of the random ids given to anonymous visitors. */
export const ANONYMOUS_USER_PREFIX = 'dl_anon_';
