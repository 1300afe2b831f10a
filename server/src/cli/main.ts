/**
 * `conecta-server <command>`: the production entry point (server/bin/conecta-server.mjs). Each
 * command is its own module, loaded only when asked for.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }> = {
  start: { summary: 'start the server (settings from the environment: see .env.example)', load: () => import('./start.js') },
  owner: {
    summary: 'owner create --email <address>: the first owner, with a one-time link to set the password',
    load: () => import('./owner.js'),
  },
  apply: { summary: 'apply <company.yaml> [--dry-run]: bring the configuration to what the file says', load: () => import('./apply.js') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(6)} ${summary}`);
  return `Usage: conecta-server <command> [options]\n\n${lines.join('\n')}\n`;
}

const [commandName = 'start', ...args] = process.argv.slice(2);
if (commandName === 'help' || commandName === '--help' || commandName === '-h') {
  process.stdout.write(usage());
} else if (!(commandName in COMMANDS)) {
  process.stderr.write(`Unknown command ${JSON.stringify(commandName)}.\n\n${usage()}`);
  process.exitCode = 2;
} else {
  const command = await COMMANDS[commandName]!.load();
  const code = await command.run(args);
  // `start` keeps running (its server holds the event loop); the others end here.
  if (commandName !== 'start') process.exit(code);
  else process.exitCode = code;
}

// A module (for the top-level await above), with nothing to export.
export {};
