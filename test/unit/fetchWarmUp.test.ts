import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { prepareFetch } from '../../src/api/fetchWarmUp';

suite('readying fetch before the first request', () => {
  let server: Server;
  let connections: number;
  setup(async () => {
    connections = 0;
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('opens no connection and sends nothing, and resolves', async () => {
    const { port } = server.address() as { port: number };
    await prepareFetch(new URL(`http://127.0.0.1:${port}/v1`));
    // A connection, had one been opened, would have been accepted by now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(connections, 0);
  });

  test('a server that cannot be reached is no error', async () => {
    await prepareFetch(new URL('http://127.0.0.1:9/'));
  });
});
