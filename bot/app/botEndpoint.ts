import { CloudAdapter, TurnContext } from 'botbuilder';
import { Logger } from 'pino';
import { Request, Response } from 'restify';

/** What a caller whose token could not be verified is told: nothing about why, or where keys come from. */
export const UNAUTHORISED_BODY = { error: 'Unauthorized', message: 'The request could not be authenticated.' };

/** What the adapter answered, held back so it can be checked before it reaches the caller. */
interface HeldAnswer {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
}

/** A response object the adapter can write to (it needs status, header, send and end). */
function holdingResponse(answer: HeldAnswer) {
  return {
    status(code: number) {
      answer.status = code;
    },
    header(name: string, value: string) {
      answer.headers[name] = value;
    },
    send(body: unknown) {
      answer.body = body;
    },
    end() {},
  };
}

/**
 * Runs one activity through the adapter and writes the HTTP answer. Anything that fails before the
 * turn starts is authentication (a forged, expired or mis-addressed token, or keys that could not be
 * fetched) and gets 401 with no detail: the SDK alone answers 500 with the upstream error, URL and
 * all. A failure inside the turn gets a bare 500.
 */
export async function processBotRequest(
  adapter: CloudAdapter,
  req: Request,
  res: Response,
  logic: (context: TurnContext) => Promise<void>,
  options: { logger: Logger; authenticated: boolean },
): Promise<void> {
  let turnStarted = false;
  const answer: HeldAnswer = { status: 200, headers: {} };
  // The SDK logs the refused request itself with console.error; our own line below says it without the token.
  await adapter.process(req, holdingResponse(answer) as unknown as Response, async (context) => {
    turnStarted = true;
    await logic(context);
  });
  if (answer.status >= 400 && !turnStarted && options.authenticated) {
    options.logger.warn(
      { status: answer.status, reason: typeof answer.body === 'string' ? answer.body.slice(0, 200) : undefined },
      'refused a request whose token could not be verified',
    );
    res.send(401, UNAUTHORISED_BODY);
    return;
  }
  if (answer.status >= 500) {
    options.logger.error({ status: answer.status, reason: typeof answer.body === 'string' ? answer.body.slice(0, 200) : undefined }, 'the bot endpoint failed');
    res.send(answer.status, { error: 'InternalError', message: 'Something went wrong.' });
    return;
  }
  for (const [name, value] of Object.entries(answer.headers)) res.header(name, value);
  if (answer.body === undefined) {
    res.status(answer.status);
    res.end();
  } else {
    res.send(answer.status, answer.body);
  }
}
