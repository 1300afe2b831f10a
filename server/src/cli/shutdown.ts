/**
 * Stops the server on SIGTERM (service managers, containers) or SIGINT (Ctrl-C): open sockets are
 * disconnected, HTTP stops, the database is closed, then the process exits 0 (1 if closing failed).
 */
export function closeOnSignals(server: { close(): Promise<void> }, say: (line: string) => void = console.log): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      say(`${signal}: shutting down`);
      server.close().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}
