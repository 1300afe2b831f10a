import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN, NAME_MAX_LENGTH } from '../../../src/protocol/contact-rules.js';
import type { Repository } from '../db/repository.js';
import { openDatabase } from '../db/database.js';
import { repositoryOn } from '../db/sqlite-repository.js';
import { CommandError } from '../domain/errors.js';
import { NO_PASSWORD, PasswordService } from '../domain/passwords.js';
import { NO_PERMISSIONS } from '../domain/roles.js';
import { newId } from '../domain/secrets.js';
import type { Mailer } from '../mail/mailer.js';
import { MemoryOutbox } from '../mail/memory-outbox.js';
import { smtpMailer } from '../mail/smtp-mailer.js';

const USAGE = `Usage: conecta-server owner create --email <address> [--name <name>] [--resend]

Creates an owner with no password and prints a one-time link (valid 7 days) to set it; with SMTP_URL
set, the link is also mailed. --resend: a new link for an existing owner who never set a password.

Settings (environment, as in .env.example): DATA_DIR (default ./data), DATABASE_URL (PostgreSQL;
unset: SQLite in DATA_DIR), PUBLIC_URL (required: the address people open the server at, for the
link), SMTP_URL and MAIL_FROM (optional).
Exit codes: 0 done, 1 refused (the owner exists, the mail failed), 2 wrong usage or settings.
`;

/** A refusal of the command: its message goes to stderr, its code is the exit code. */
class OwnerCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

interface OwnerRequest {
  email: string;
  name: string;
  resend: boolean;
  publicUrl: string;
}

function parseRequest(args: string[], env: NodeJS.ProcessEnv): OwnerRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, resend: { type: 'boolean', default: false } },
    });
  } catch (error) {
    throw new OwnerCommandError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'create') throw new OwnerCommandError(USAGE, 2);
  const email = (values.email ?? '').trim().toLowerCase();
  if (!email) throw new OwnerCommandError(`--email is required.\n\n${USAGE}`, 2);
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw new OwnerCommandError(`${JSON.stringify(values.email)} is not a valid e-mail address.`, 2);
  }
  const name = (values.name ?? email.split('@')[0]!).trim();
  if (!name || name.length > NAME_MAX_LENGTH) throw new OwnerCommandError(`--name must have 1 to ${NAME_MAX_LENGTH} characters.`, 2);
  return { email, name, resend: values.resend, publicUrl: publicUrlOf(env.PUBLIC_URL) };
}

function publicUrlOf(value: string | undefined): string {
  if (!value) {
    throw new OwnerCommandError(
      'PUBLIC_URL is not set: the address people open the server at (https://atendimento.example.com), for the link.',
      2,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OwnerCommandError(`PUBLIC_URL must be a URL such as https://atendimento.example.com, got ${JSON.stringify(value)}.`, 2);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new OwnerCommandError(`PUBLIC_URL must be an http(s) URL, got ${value}.`, 2);
  return value.replace(/\/+$/, '');
}

/** The owner: a new one, or with --resend the existing owner who never set a password. */
async function findOrCreateOwner(repo: Repository, request: OwnerRequest): Promise<{ id: string; name: string }> {
  const existing = await repo.findPasswordAccount({ email: request.email });
  if (!request.resend) {
    if (existing)
      throw new OwnerCommandError(
        `An agent with the e-mail ${request.email} already exists (add --resend for a new link if it is an owner who never set a password).`,
        1,
      );
    const id = newId('ag');
    const now = Date.now();
    await repo.transaction(async (tx) => {
      await tx.insertAgent(
        {
          id,
          name: request.name,
          email: request.email,
          nickname: null,
          extension: null,
          teamIds: [],
          role: 'owner',
          permissions: NO_PERMISSIONS, // an owner holds every permission by its role
          passwordHash: NO_PASSWORD.hash,
          passwordSalt: NO_PASSWORD.salt,
        },
        now,
      );
      await tx.insertAudit({
        at: now,
        actor: { kind: 'cli', id: null },
        action: 'create',
        resource: 'agent',
        resourceId: id,
        after: { id, name: request.name, email: request.email, role: 'owner' },
      });
    });
    return { id, name: request.name };
  }
  if (!existing) throw new OwnerCommandError(`No agent has the e-mail ${request.email}: leave out --resend to create the owner.`, 1);
  if (existing.role !== 'owner') throw new OwnerCommandError(`${request.email} is not an owner: --resend is only for owners.`, 1);
  if (existing.hasPassword) {
    throw new OwnerCommandError(`${request.email} has already set a password: use "forgot password" on the sign-in screen.`, 1);
  }
  return existing;
}

/** `conecta-server owner create --email <e> [--name <n>] [--resend]`. */
export async function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  let request: OwnerRequest;
  try {
    request = parseRequest(args, env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message.trimEnd()}\n`);
    return (error as OwnerCommandError).exitCode ?? 2;
  }

  const smtp = env.SMTP_URL ? smtpMailer(env.SMTP_URL, env.MAIL_FROM || undefined) : undefined;
  const mailer: Mailer = smtp ?? new MemoryOutbox();
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const database = await openDatabase({ dataDir, databaseUrl: env.DATABASE_URL || undefined });
  const repo = repositoryOn(database.sql);
  const passwords = new PasswordService(repo, Date.now, mailer, {
    publicUrl: () => request.publicUrl,
    onMailFailure: (error) => process.stderr.write(`The e-mail to ${request.email} could not be sent: ${(error as Error).message}\n`),
    onTokensRevoked: () => {},
  });
  try {
    const { id, name } = await findOrCreateOwner(repo, request);
    const verb = request.resend ? 'A new link for the owner' : 'Owner created:';
    process.stdout.write(`${verb} ${name} <${request.email}> (${id}), in ${dataDir}.\n`);
    let mailed = false;
    let link: string;
    try {
      ({ link } = await passwords.invite(id, { mail: smtp !== undefined }));
      mailed = smtp !== undefined;
    } catch (error) {
      if (!(error instanceof CommandError) || error.code !== 'INTERNAL') throw error;
      // The mail failed (already said on stderr): a fresh link, printed, still lets the owner in.
      ({ link } = await passwords.invite(id, { mail: false }));
    }
    process.stdout.write(`Open this link to set the password (valid for 7 days, works once):\n\n  ${link}\n\n`);
    if (mailed) process.stdout.write(`The link was also mailed to ${request.email}.\n`);
    return smtp && !mailed ? 1 : 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return error instanceof OwnerCommandError ? error.exitCode : 1;
  } finally {
    smtp?.close();
    await database.close();
  }
}
