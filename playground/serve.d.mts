import type { Server } from 'node:http';
/** Serves a built playground directory on a loopback port (0 = any free port). */
export function servePlayground(dir: string, port?: number, host?: string): Promise<{ server: Server; url: string }>;
