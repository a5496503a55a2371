import { createServer } from 'node:http';
import minimist from 'minimist';

const args = minimist(process.argv.slice(2));
export const server = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ status: 'ok', name: args.name ?? 'vulnerable-service' }));
});

if (process.argv[1] && import.meta.url.endsWith(process.argv[1])) server.listen(Number(args.port ?? 8080), '127.0.0.1');
