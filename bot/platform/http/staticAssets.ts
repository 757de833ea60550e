import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Request, Response } from 'restify';
import { assetSecurityHeaders } from './securityHeaders';

/** A file the chat page needs, served from this server because intranets often have no CDN. */
export interface StaticAsset {
  /** The file to serve, or… */
  file?: string;
  /** …the content itself, for generated files. */
  content?: () => string;
  contentType: string;
  /** Rewrites a text file once, when it is first read. */
  transform?: (text: string) => string;
  /** May be loaded by other origins' pages (embed.js). */
  crossOrigin?: boolean;
}

interface Loaded {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

const gzip = promisify(zlib.gzip);

/**
 * Serves a fixed set of files: read and gzipped once on first request (Web Chat's bundle is about
 * 4 MB, under 1 MB gzipped), revalidated by ETag, cached by browsers for an hour.
 */
export class StaticAssets {
  private readonly loaded = new Map<string, Promise<Loaded>>();

  constructor(private readonly assets: Record<string, StaticAsset>) {}

  /** The URL paths served. */
  get paths(): string[] {
    return Object.keys(this.assets);
  }

  /** Answers a GET for one of the paths. */
  async serve(path: string, req: Request, res: Response): Promise<void> {
    const asset = this.assets[path];
    let loaded = this.loaded.get(path);
    if (!loaded) {
      loaded = this.load(asset);
      this.loaded.set(path, loaded);
      loaded.catch(() => this.loaded.delete(path));
    }
    const { body, gzipped, etag } = await loaded;
    assetSecurityHeaders(req, res, asset.crossOrigin);
    const headers: Record<string, string> = {
      'content-type': asset.contentType,
      'cache-control': 'public, max-age=3600',
      etag,
      vary: 'accept-encoding',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const sent = acceptsGzip ? gzipped : body;
    res.writeHead(200, { ...headers, ...(acceptsGzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(sent.length) });
    res.end(req.method === 'HEAD' ? undefined : sent);
  }

  private async load(asset: StaticAsset): Promise<Loaded> {
    if (!asset.content && !asset.file) throw new Error('a static asset needs a file or content');
    let body: Buffer = asset.content ? Buffer.from(asset.content()) : await fs.readFile(asset.file!);
    if (asset.transform) body = Buffer.from(asset.transform(body.toString('utf8')));
    const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { body, gzipped: await gzip(body), etag };
  }
}
