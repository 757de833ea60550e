import { RequestHandler } from 'restify';

/**
 * Restify's body parser, except that CSV bodies are left as the text sent: routes that take CSV
 * read it themselves (RFC 4180 quoting, every bad row reported with its line), where restify's own
 * CSV parsing would fail the whole request with a bare error.
 */
export function keepCsvAsText(parser: RequestHandler[]): RequestHandler[] {
  const [read, parse] = parser;
  const parseUnlessCsv: RequestHandler = (req, res, next) => {
    if (/^text\/csv\b/i.test(req.header('content-type') ?? '')) return next();
    return parse(req, res, next);
  };
  return [read, parseUnlessCsv];
}
