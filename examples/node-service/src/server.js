import { createServer } from 'node:http';
import ms from 'ms';

const started = Date.now();
export const server = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ status: 'ok', uptime: ms(Date.now() - started) }));
});

if (process.argv[1] && import.meta.url.endsWith(process.argv[1])) server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1');
