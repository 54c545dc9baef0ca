import { createServer } from 'node:net';

/** A free TCP port on loopback (DynamoDB Local cannot be asked for port 0): `preferred` when it is free. */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred !== undefined) {
    try {
      return await listenOnce(preferred);
    } catch {
      // Taken: any free port will do.
    }
  }
  return listenOnce(0);
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
