// Starts the built DonDoc web app on a free loopback port over a fresh SQLite file, and adds accounts
// with the built `dondoc` command line, as an administrator would.
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const configuration = process.env.DONDOC_CONFIGURATION ?? 'Release';
const webDll = join(root, 'src', 'DonDoc.Web', 'bin', configuration, 'net10.0', 'DonDoc.Web.dll');
const cliDll = join(root, 'src', 'DonDoc.Cli', 'bin', configuration, 'net10.0', 'dondoc.dll');

export const adminEmail = 'admin@e2e.vn';
export const password = 'Mat-khau-E2E-2026';

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

// Starts the app; `now` ("2026-11-23T09:00:00+07:00") sets its clock (Clock:Start) for a story that walks through a
// reporting period. `restart({ now })` stops it and starts it again on the same database, files and port, on another day.
export async function startApp({ now } = {}) {
  for (const dll of [webDll, cliDll]) {
    if (!existsSync(dll)) throw new Error(`${dll} is missing: run "dotnet build -c ${configuration}" first`);
  }
  const directory = mkdtempSync(join(tmpdir(), 'dondoc-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const environment = (clock) => {
    const env = {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      ASPNETCORE_URLS: url,
      ConnectionStrings__Default: `Data Source=${join(directory, 'dondoc.db')}`,
      Storage__EvidencePath: join(directory, 'evidence'),
      Storage__KeysPath: join(directory, 'keys'),
      Admin__Email: adminEmail,
      Admin__Password: password,
      Logging__LogLevel__Default: 'Warning',
    };
    if (clock) env.Clock__Start = clock;
    return env;
  };
  let env = environment(now);
  let web = await launch(env, url);

  const run = promisify(execFile);
  async function addUser(email, role, agency) {
    const args = [cliDll, 'user', 'add', email, '--role', role, '--password', password];
    if (agency) args.push('--agency', agency);
    await run('dotnet', args, { cwd: directory, env });
  }

  async function halt() {
    web.kill('SIGTERM');
    await new Promise((r) => (web.exitCode !== null ? r() : web.once('exit', r)));
  }

  async function restart({ now: later } = {}) {
    await halt();
    env = environment(later);
    web = await launch(env, url);
  }

  async function stop() {
    await halt();
    rmSync(directory, { recursive: true, force: true });
  }

  return { url, directory, addUser, restart, stop };
}

async function launch(env, url) {
  // The web project folder is the content root: its wwwroot holds the style sheet and scripts.
  const web = spawn('dotnet', [webDll, '--urls', url], { cwd: join(root, 'src', 'DonDoc.Web'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  web.stdout.on('data', (d) => { output += d; });
  web.stderr.on('data', (d) => { output += d; });
  // A ceiling for a hung start, not a measure: on a 2-core machine under a parallel build the first start
  // (JIT, migrations of a new SQLite file) has taken more than 60 s.
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (web.exitCode !== null) throw new Error(`the app exited: ${output}`);
    try {
      const response = await fetch(`${url}/Account/Login`);
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`the app did not start in 300 s: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return web;
}
