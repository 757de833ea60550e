import { expect } from 'chai';
import { Request, Response } from 'restify';
import { adminGate } from '../../../../bot/platform/http/adminGate';

/** A request with the given headers and body, and a response that keeps what was sent. */
function exchange(headers: Record<string, string>, body?: unknown, url = '/api/things/import') {
  const sent: { status?: number; body?: unknown } = {};
  const req = { header: (name: string) => headers[name.toLowerCase()], body, url } as unknown as Request;
  const res = { send: (status: number, sentBody: unknown) => Object.assign(sent, { status, body: sentBody }) } as unknown as Response;
  return { req, res, sent };
}

const TOKEN = 'correct-horse-battery-staple';
const AUTH = { authorization: `Bearer ${TOKEN}` };

describe('adminGate', () => {
  it('is off, not open, with no ADMIN_API_TOKEN: 404 whatever the token', () => {
    const { req, res, sent } = exchange(AUTH);
    expect(adminGate(undefined).allowed(req, res)).to.equal(false);
    expect(sent.status).to.equal(404);
  });

  it('refuses a missing token (401) and a wrong one (403), and lets the right one through without sending', () => {
    const gate = adminGate(TOKEN);
    const none = exchange({});
    expect(gate.allowed(none.req, none.res)).to.equal(false);
    expect(none.sent.status).to.equal(401);
    const wrong = exchange({ authorization: 'Bearer guess' });
    expect(gate.allowed(wrong.req, wrong.res)).to.equal(false);
    expect(wrong.sent.status).to.equal(403);
    const right = exchange(AUTH);
    expect(gate.allowed(right.req, right.res)).to.equal(true);
    expect(right.sent.status).to.equal(undefined);
  });

  it('wants an Idempotency-Key and a JSON object for a creating request, naming what is created', () => {
    const gate = adminGate(TOKEN);
    const noKey = exchange(AUTH, { title: 'x' });
    expect(gate.keyed(noKey.req, noKey.res, 'briefing')).to.equal(undefined);
    expect(noKey.sent.status).to.equal(400);
    const list = exchange({ ...AUTH, 'idempotency-key': 'key-1' }, ['not', 'an', 'object']);
    expect(gate.keyed(list.req, list.res, 'briefing')).to.equal(undefined);
    expect(list.sent).to.deep.equal({
      status: 400,
      body: { error: 'BadRequest', message: 'Send a JSON object (Content-Type: application/json) describing the briefing.' },
    });
    const good = exchange({ ...AUTH, 'idempotency-key': 'key-1' }, { title: 'x' });
    expect(gate.keyed(good.req, good.res, 'briefing')).to.deep.equal({ key: 'key-1', body: { title: 'x' } });
    expect(good.sent.status).to.equal(undefined);
  });

  it('checks the token before the key, so a stranger learns nothing about the request', () => {
    const { req, res, sent } = exchange({ authorization: 'Bearer guess' }, 'not json');
    expect(adminGate(TOKEN).keyed(req, res, 'pulse')).to.equal(undefined);
    expect(sent.status).to.equal(403);
  });

  describe('csvImport', () => {
    const FILE = { name: 'HR file', columns: 'email, name' };
    const CSV = { ...AUTH, 'content-type': 'text/csv; charset=utf-8' };

    it('checks the token first, then the key, then the content type', () => {
      const gate = adminGate(TOKEN);
      const stranger = exchange({ authorization: 'Bearer guess' }, 'email\n');
      expect(gate.csvImport(stranger.req, stranger.res, FILE)).to.equal(undefined);
      expect(stranger.sent.status).to.equal(403);
      const noKey = exchange({ ...AUTH, 'content-type': 'application/json' }, {});
      expect(gate.csvImport(noKey.req, noKey.res, FILE)).to.equal(undefined);
      expect(noKey.sent.status).to.equal(400);
      expect((noKey.sent.body as { message: string }).message).to.contain('?preview=true');
      const json = exchange({ ...AUTH, 'idempotency-key': 'key-1', 'content-type': 'application/json' }, {});
      expect(gate.csvImport(json.req, json.res, FILE)).to.equal(undefined);
      expect(json.sent).to.deep.equal({
        status: 415,
        body: { error: 'UnsupportedMediaType', message: 'Send the HR file as CSV with "Content-Type: text/csv" and a header row (email, name).' },
      });
    });

    it('gives an import its key and the CSV text, whether the body came as a buffer or a string', () => {
      const gate = adminGate(TOKEN);
      const buffer = exchange({ ...CSV, 'idempotency-key': 'key-1' }, Buffer.from('email\na@example.org\n'));
      expect(gate.csvImport(buffer.req, buffer.res, FILE)).to.deep.equal({ preview: false, key: 'key-1', csv: 'email\na@example.org\n' });
      const text = exchange({ ...CSV, 'idempotency-key': 'key-2' }, 'email\n');
      expect(gate.csvImport(text.req, text.res, FILE)).to.deep.equal({ preview: false, key: 'key-2', csv: 'email\n' });
      expect(buffer.sent.status).to.equal(undefined);
    });

    it('lets a preview through without a key', () => {
      for (const flag of ['1', 'true', 'yes']) {
        const { req, res, sent } = exchange(CSV, 'email\n', `/api/things/import?preview=${flag}`);
        expect(adminGate(TOKEN).csvImport(req, res, FILE)).to.deep.equal({ preview: true, csv: 'email\n' });
        expect(sent.status).to.equal(undefined);
      }
      const notPreview = exchange(CSV, 'email\n', '/api/things/import?preview=no');
      expect(adminGate(TOKEN).csvImport(notPreview.req, notPreview.res, FILE)).to.equal(undefined);
      expect(notPreview.sent.status).to.equal(400);
    });
  });
});
