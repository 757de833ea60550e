import { DirectLineTokenClaims, DirectLineTokens, TokenProblem, TokenScope } from './directLineTokens';

/** A Direct Line error as Azure's service words it: `{ error: { code, message } }` with an HTTP status. */
export interface DirectLineError {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

const TOKEN_ERRORS: Record<TokenProblem, DirectLineError> = {
  missing: {
    status: 403,
    code: 'MissingToken',
    message: "This request needs a Direct Line token (Authorization: Bearer <token>). Start the chat from the bot's page.",
  },
  expired: { status: 403, code: 'TokenExpired', message: 'The Direct Line token has expired. Get a new one and reconnect.' },
  invalid: { status: 403, code: 'BadToken', message: 'The Direct Line token is not valid.' },
  scope: { status: 403, code: 'BadToken', message: 'This token can only start a conversation; use the token the start returned.' },
};

/**
 * Checks a built-in Direct Line token, its scope, and that it is for this conversation when the
 * route names one (a token for another conversation is refused like a bad token, so ids cannot
 * be probed).
 */
export async function authorize(
  tokens: DirectLineTokens,
  token: string | undefined,
  conversationId?: string,
  scopes: TokenScope[] = ['conversation'],
): Promise<{ ok: true; claims: DirectLineTokenClaims } | { ok: false; error: DirectLineError }> {
  const check = await tokens.verify(token, scopes);
  if (!check.ok) return { ok: false, error: TOKEN_ERRORS[check.problem] };
  if (conversationId !== undefined && check.claims.conversationId !== conversationId) {
    return { ok: false, error: { status: 403, code: 'BadToken', message: 'The Direct Line token is for a different conversation.' } };
  }
  return { ok: true, claims: check.claims };
}
