import * as net from 'net';

export const LOOPBACK = '127.0.0.1';

/** A port that something else already listens on. The message names the port and the variable that moves it. */
export class PortInUseError extends Error {
  constructor(readonly ports: Array<{ port: number; envVar: string; what?: string }>) {
    super(
      ports
        .map(
          ({ port, envVar, what }) =>
            `Cổng ${port}${what ? ` (${what})` : ''} đang được dùng bởi tiến trình khác — đổi bằng biến môi trường ${envVar}, ví dụ ${envVar}=${port + 1}. ` +
            `(port ${port} is already in use; set ${envVar} to change it)`,
        )
        .join('\n'),
    );
    this.name = 'PortInUseError';
  }
}

function tryListen(port: number, host: string | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => {
      // Only "someone has it" counts as taken; e.g. no IPv6 on the machine is not our business here.
      resolve(!(err.code === 'EADDRINUSE' || err.code === 'EACCES'));
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * True when nothing listens on `port` at 127.0.0.1 (by default) nor on the wildcard address: binding the wildcard
 * also catches a server on 0.0.0.0/:: that would clash with ours.
 */
export async function isPortFree(port: number, host: string = LOOPBACK): Promise<boolean> {
  if (!(await tryListen(port, host))) return false;
  return tryListen(port, undefined);
}

/** Throws {@link PortInUseError} naming the port and `envVar` when the port is taken. */
export async function assertPortFree(port: number, envVar: string, what?: string, host: string = LOOPBACK): Promise<void> {
  await assertPortsFree([{ port, envVar, what }], host);
}

/** Checks every port and throws one {@link PortInUseError} listing all taken ones. */
export async function assertPortsFree(
  ports: Array<{ port: number; envVar: string; what?: string }>,
  host: string = LOOPBACK,
): Promise<void> {
  const seen = new Map<number, string>();
  for (const p of ports) {
    const other = seen.get(p.port);
    if (other) throw new Error(`${p.envVar} và ${other} cùng là cổng ${p.port}; hãy đặt khác nhau (${p.envVar} and ${other} are the same port).`);
    seen.set(p.port, p.envVar);
  }
  const taken: typeof ports = [];
  for (const p of ports) if (!(await isPortFree(p.port, host))) taken.push(p);
  if (taken.length) throw new PortInUseError(taken);
}
