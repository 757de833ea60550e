import { WebChatUser } from './webChatUser';

/** A Direct Line token from Azure for one new conversation. */
export interface ExchangedToken {
  token: string;
  conversationId: string;
  expiresIn: number;
}

/** Azure Direct Line did not give a token (unreachable, refused the secret, or answered nonsense). */
export class TokenExchangeError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

/**
 * Exchanges the Direct Line secret for a short-lived token bound to one user, on the server, so
 * the secret never reaches a browser (Direct Line 3.0 `POST /v3/directline/tokens/generate`).
 */
export async function exchangeDirectLineSecret(endpoint: string, secret: string, user: WebChatUser): Promise<ExchangedToken> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ user: { id: user.id, ...(user.name ? { name: user.name } : {}) } }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new TokenExchangeError(`Direct Line could not be reached: ${(err as Error).message}`);
  }
  if (!response.ok) {
    await response.arrayBuffer().catch(() => undefined);
    throw new TokenExchangeError(`Direct Line refused the token request with HTTP ${response.status}`, response.status);
  }
  const body = (await response.json().catch(() => undefined)) as { token?: unknown; conversationId?: unknown; expires_in?: unknown } | undefined;
  if (!body || typeof body.token !== 'string' || typeof body.conversationId !== 'string' || typeof body.expires_in !== 'number') {
    throw new TokenExchangeError('Direct Line answered the token request without a token');
  }
  return { token: body.token, conversationId: body.conversationId, expiresIn: body.expires_in };
}
