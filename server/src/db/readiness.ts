/** Whether the server can answer with its data (`GET /ready`); `Database.readiness` tells it. */
export type Readiness = { ready: true } | { ready: false; reason: string };
