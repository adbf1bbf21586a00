// npm run dataset:serve -- DIR [--port N]
// Serves a channel built by dataset:publish on 127.0.0.1 (with open CORS), to try
// it with a local build: set the options page's channel URL to the printed address.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startChannelServer } from './channel-server.ts';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : 8787;
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port');
if (!dir || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: npm run dataset:serve -- DIR [--port N]');
  process.exit(2);
}
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(
    `dataset:serve: ${dir} has no manifest.json; build one with npm run dataset:publish -- --out ${dir} --key FILE`,
  );
  process.exit(1);
}
const s = await startChannelServer(dir, {
  port,
  log: (l) => console.log(`${new Date().toISOString()} ${l}`),
});
console.log(
  `dataset:serve: ${dir} at ${s.url}/ — channel URL for the options page: ${s.url}/manifest.json (Ctrl-C stops)`,
);
