/**
 * "No network access at all; no telemetry; no code from the workspace" (docs/security.md),
 * checked on what ships: the built bundles `dist/*.js` (run `npm run build` first), plus our
 * own sources for telemetry. The bundles are minified, so module bindings are found by their
 * `require("…")` and their uses by the binding's name.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');

/** Modules that reach the network (or open a port, like the inspector); none may be bundled. */
const NETWORK_MODULES = ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'inspector', 'undici'];
/** Network APIs of the web platform that Node 20 also has as globals. */
const NETWORK_GLOBALS: Array<[string, RegExp]> = [
  ['fetch(', /(?<![\w$.])fetch\(|globalThis\.fetch\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['EventSource', /\bEventSource\b/],
  ['navigator.sendBeacon', /\bsendBeacon\b/],
];
/** Ways to run code that is not in the bundle. */
const CODE_LOADING: Array<[string, RegExp]> = [
  ['eval(', /(?<![\w$.])eval\(/],
  ['new Function(', /\bnew Function\(/],
  ['a require() of a computed name', /(?<![\w$.])require\((?!"[\w:/.@-]+"\))/],
  ['import()', /(?<![\w$.])import\(/],
  ['the vm module', /require\("(?:node:)?vm"\)/],
];

/** The entry points that load the bundle beside them through V8's code cache, and which bundle. */
const LOADERS: Record<string, string> = { 'start.js': 'server.js', 'client.js': 'extension.js' };

/**
 * `net` stays in the server and client bundles for one reason: vscode-jsonrpc's pipe and socket
 * transports (`--pipe=<name>`, `--socket=<port>`), which connect client and server on this
 * machine only. Our client starts the server with IPC, so neither is used; they are allowed as
 * long as they are all there is: only `createServer`/`createConnection`, to a pipe path or to
 * 127.0.0.1.
 */
const NET_MEMBERS = new Set(['createServer', 'createConnection']);

function bundles(): Array<{ name: string; source: string }> {
  if (!existsSync(dist)) throw new Error(`${dist} does not exist: run "npm run build" first.`);
  // dist/web holds the browser's client and server (VS Code for the Web).
  return ['', 'web/'].flatMap((folder) =>
    readdirSync(join(dist, folder))
      .filter((f) => f.endsWith('.js'))
      .map((f) => ({ name: folder + f, source: readFileSync(join(dist, folder, f), 'utf8') })),
  );
}

/** Each `require("module")` binding in a bundle: `x=require("net")` or `x=wrap(require("net"))`. */
function bindings(source: string, module: string): string[] {
  const re = new RegExp(`([\\w$]+)=(?:[\\w$]+\\()?require\\("(?:node:)?${module}"\\)`, 'g');
  return [...source.matchAll(re)].map((m) => m[1]);
}

function membersUsed(source: string, binding: string): string[] {
  const re = new RegExp(`(?<![\\w$.])${binding.replace(/\$/g, '\\$')}\\.([\\w$]+)`, 'g');
  return [...new Set([...source.matchAll(re)].map((m) => m[1]))].sort();
}

function requiredModules(source: string): string[] {
  return [...new Set([...source.matchAll(/require\("(?:node:)?([\w/@.-]+)"\)/g)].map((m) => m[1]))].sort();
}

describe('no network access, no telemetry, no code loading', () => {
  const all = bundles();

  it('the bundles are built: cli.js, client.js, extension.js, server.js, start.js, and web/client.js and web/server.js for the browser', () => {
    assert.deepEqual(all.map((b) => b.name).sort(), [
      'cli.js',
      'client.js',
      'extension.js',
      'server.js',
      'start.js',
      'web/client.js',
      'web/server.js',
    ]);
  });

  for (const { name, source } of all) {
    describe(`dist/${name}`, () => {
      it('requires no network module', () => {
        assert.deepEqual(
          requiredModules(source).filter((m) => NETWORK_MODULES.includes(m.split('/')[0])),
          [],
        );
      });

      it('uses no network API of the web platform', () => {
        assert.deepEqual(
          NETWORK_GLOBALS.filter(([, re]) => re.test(source)).map(([what]) => what),
          [],
        );
      });

      const loaded = LOADERS[name];
      if (loaded) {
        // Its one job: compile the bundle beside it through V8's code cache (server/src/codeCache.ts).
        it(`loads no code but ${loaded} from its own folder, with the vm module`, () => {
          assert.deepEqual(
            CODE_LOADING.filter(([what, re]) => what !== 'the vm module' && re.test(source)).map(([what]) => what),
            [],
          );
          const vm = bindings(source, 'vm');
          assert.equal(vm.length, 1, 'vm is required once');
          assert.deepEqual(membersUsed(source, vm[0]), ['Script'], 'only vm.Script');
          assert.match(
            source,
            new RegExp(`\\.join\\)\\(__dirname,"${loaded.replace('.', '\\.')}"\\)`),
            `the compiled file is ${loaded} beside ${name}`,
          );
          assert.equal(source.match(/new [\w$]+\.Script\(/g)?.length, 1, 'one script compiled');
        });
      } else {
        it('loads no code it does not contain', () => {
          assert.deepEqual(
            CODE_LOADING.filter(([, re]) => re.test(source)).map(([what]) => what),
            [],
          );
        });
      }

      if (name.startsWith('web/')) {
        it('requires no module but vscode: a browser has no Node', () => {
          assert.deepEqual(
            requiredModules(source).filter((m) => m !== 'vscode'),
            [],
          );
        });
      } else if (name === 'cli.js') {
        it('does not require net at all', () => {
          assert.deepEqual(bindings(source, 'net'), []);
        });
      } else {
        it('uses net only for the JSON-RPC pipe and socket transports, on this machine', () => {
          const nets = bindings(source, 'net');
          assert.ok(nets.length <= 1, `net is required ${nets.length} times`);
          for (const net of nets) {
            assert.deepEqual(
              membersUsed(source, net).filter((m) => !NET_MEMBERS.has(m)),
              [],
              'net members beyond createServer/createConnection',
            );
            const escaped = net.replace(/\$/g, '\\$');
            const connects = [...source.matchAll(new RegExp(`\\(0,${escaped}\\.createConnection\\)\\(([^)]*)\\)`, 'g'))].map((m) => m[1]);
            assert.ok(connects.length > 0, 'the transports were not found: has the bundling changed? Update this test with it.');
            for (const args of connects)
              assert.match(args, /^[\w$]+(?:,"127\.0\.0\.1")?$/, `net.createConnection(${args}): only a pipe path or 127.0.0.1`);
          }
          const hosts = [...source.matchAll(/\.listen\([\w$]+,"([^"]*)"/g)].map((m) => m[1]);
          assert.deepEqual(
            [...new Set(hosts)].filter((h) => h !== '127.0.0.1'),
            [],
            'listens only on 127.0.0.1',
          );
        });
      }
    });
  }

  it('our sources send no telemetry', () => {
    const offenders: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (
          /\.ts$/.test(entry.name) &&
          /\.telemetry\b|\bTelemetry(?:Event|Logger)\b|createTelemetryLogger|telemetry\/event/.test(readFileSync(full, 'utf8'))
        )
          offenders.push(full);
      }
    };
    for (const dir of ['client/src', 'server/src']) visit(join(root, dir));
    assert.deepEqual(offenders, []);
  });
});
