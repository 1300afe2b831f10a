import { fileTypeFromBuffer } from 'file-type';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, type Attachment, type AttachmentKind } from '../../../src/protocol/index.js';
import type { FileRecord, Repository } from '../db/repository.js';
import { CommandError, forbidden, notFound } from './errors.js';
import type { Clock } from './events.js';
import { newId } from './secrets.js';

/** How long a signed download url stays valid. */
const FILE_URL_TTL_MS = 60 * 60 * 1000;

/**
 * The type of `bytes`: file-type's magic numbers for binaries; plain text when it is valid UTF-8
 * without control characters (file-type does not name text). `null`: not accepted.
 */
async function sniff(bytes: Uint8Array): Promise<{ mime: string; kind: AttachmentKind } | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    const kind = UPLOAD_TYPES.get(found.mime);
    return kind ? { mime: found.mime, kind } : null;
  }
  if (looksLikeText(bytes)) return { mime: 'text/plain', kind: 'file' };
  return null;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Tabs, line feeds, carriage returns and form feeds are text; other C0 controls (NUL…) are not.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** Reads the signing key from `<dataDir>/file-url.key`, creating it on first start. */
export function loadSigningKey(dataDir: string): Buffer {
  const path = join(dataDir, 'file-url.key');
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
}

/** Signed, expiring download urls: `/api/files/<id>?exp=<ms>&sig=<base64url HMAC-SHA256 of "id.exp">`. */
export class FileUrlSigner {
  constructor(
    private readonly key: Buffer,
    private readonly now: Clock,
    private readonly ttlMs = FILE_URL_TTL_MS,
  ) {}

  url(fileId: string): string {
    const exp = this.now() + this.ttlMs;
    return `/api/files/${encodeURIComponent(fileId)}?exp=${exp}&sig=${this.#sign(fileId, exp)}`;
  }

  verify(fileId: string, exp: unknown, sig: unknown): boolean {
    if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,16}$/.test(exp)) return false;
    const expected = Buffer.from(this.#sign(fileId, Number(exp)));
    const actual = Buffer.from(sig);
    return expected.length === actual.length && timingSafeEqual(expected, actual) && Number(exp) > this.now();
  }

  #sign(fileId: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${fileId}.${exp}`).digest('base64url');
  }
}

/** Uploads and signed downloads; the bytes live in `<dataDir>/files`, outside any web root. */
export class FileService {
  readonly #dir: string;

  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    readonly signer: FileUrlSigner,
    dataDir: string,
  ) {
    this.#dir = join(dataDir, 'files');
    mkdirSync(this.#dir, { recursive: true });
  }

  async upload(owner: Pick<FileRecord, 'ownerKind' | 'ownerId'>, rawName: string, bytes: Buffer): Promise<Attachment> {
    if (bytes.length > MAX_UPLOAD_BYTES) throw tooLarge();
    const type = await sniff(bytes);
    if (!type) {
      throw new CommandError(
        'UNSUPPORTED_TYPE',
        'This type of file is not accepted: send images, audio, video, PDF, office documents or plain text.',
      );
    }
    const file: FileRecord = {
      id: newId('fl'),
      ...owner,
      name: cleanName(rawName, type.mime),
      size: bytes.length,
      mime: type.mime,
      kind: type.kind,
      createdAt: this.now(),
    };
    await writeFile(join(this.#dir, file.id), bytes, { flag: 'wx' });
    await this.repo.insertFile(file);
    return this.repo.toAttachment(file);
  }

  /** A stored file and its bytes, for a channel that sends it on (no signature: server side only). */
  async read(fileId: string): Promise<{ file: FileRecord; bytes: Buffer } | null> {
    const file = await this.repo.getFile(fileId);
    return file ? { file, bytes: await readFile(join(this.#dir, file.id)) } : null;
  }

  /** The file behind a signed url: FORBIDDEN for a bad or expired signature. */
  async open(fileId: string, exp: unknown, sig: unknown): Promise<{ file: FileRecord; stream: NodeJS.ReadableStream }> {
    if (!this.signer.verify(fileId, exp, sig)) throw forbidden('This file link is not valid or has expired: ask for a fresh one.');
    const file = await this.repo.getFile(fileId);
    if (!file) throw notFound('file');
    return { file, stream: createReadStream(join(this.#dir, file.id)) };
  }
}

export const tooLarge = () =>
  new CommandError('PAYLOAD_TOO_LARGE', `This file is larger than the limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB.`);

/** A file name safe to show and to put in a header: no path, no control characters, 200 characters at most. */
function cleanName(raw: string, mime: string): string {
  const name = basename(raw.replaceAll('\\', '/'))
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return name || `file.${mime.split('/')[1]?.split(/[.+-]/).pop() ?? 'bin'}`;
}
