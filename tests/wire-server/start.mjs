// Starts the CongoDB MongoDB wire-protocol server for the tests.
// Usage: node start.mjs <port>   (0 picks a free port). Prints "congodb ready 127.0.0.1:<port>" once it listens,
// and stops when it gets SIGTERM/SIGINT or when its standard input closes (the test process went away).
import { CongoServer } from './.cache/congodb/index.js';

const port = Number.parseInt(process.argv[2] ?? '0', 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`start.mjs: '${process.argv[2]}' is not a port number`);
  process.exit(2);
}

const server = new CongoServer({ port, host: '127.0.0.1' });
await server.start();
const address = server.server.address();
console.log(`congodb ready 127.0.0.1:${address.port}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
