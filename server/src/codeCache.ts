/**
 * A bundle loaded through V8's code cache: the server (dist/start.js runs dist/server.js) and the
 * desktop client (dist/client.js runs dist/extension.js). A cache is code V8 runs, so
 * it is used only when it is certainly ours and for this bundle: one file in the folder the
 * client named, starting with a line that holds the SHA-256 of the bundle it was made from and of
 * its own bytes. A missing, damaged, foreign or stale file is ignored and replaced; V8 refuses on
 * its own a cache from another V8 version or other flags. Written once, a few seconds after the
 * start, so the functions of the first lint are compiled into it too; written to a temporary name
 * and renamed, so a reader never sees half a file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

export const CODE_CACHE_FILE = 'server.v8cache';
export const CLIENT_CODE_CACHE_FILE = 'client.v8cache';
const MAGIC = 'star-stories code cache 1';
/** Long enough for the editor's first documents to be linted, so their functions are cached too. */
export const WRITE_AFTER_MS = 5000;

type CacheRead = { data: Buffer } | { missing: string };

/** Runs the server bundle at `bundlePath`; through the code cache in `cacheDir` when one is named. */
export function loadServer(bundlePath: string, cacheDir: string | undefined, log: (line: string) => void): void {
  loadBundle(bundlePath, cacheDir, CODE_CACHE_FILE, log);
}

/**
 * Runs the bundle at `bundlePath` as a CommonJS module and returns its exports; through the code
 * cache `cacheName` in `cacheDir` when a folder is named.
 */
export function loadBundle(bundlePath: string, cacheDir: string | undefined, cacheName: string, log: (line: string) => void): unknown {
  const source = readFileSync(bundlePath, 'utf8');
  const cacheFile = cacheDir && isAbsolute(cacheDir) ? join(cacheDir, cacheName) : undefined;
  if (cacheDir && !cacheFile) log(`code cache not used: ${cacheDir} is not an absolute path.`);
  const bundleHash = sha256(source);
  const read: CacheRead = cacheFile ? readCache(cacheFile, bundleHash) : { missing: 'none' };
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData: 'data' in read ? read.data : undefined,
  });
  if (cacheFile) {
    const refused =
      'data' in read ? (script.cachedDataRejected ? 'refused by V8 (another Node version or other flags)' : undefined) : read.missing;
    // Said later, off the start's path: opening stderr alone costs a few ms.
    setTimeout(
      () =>
        refused
          ? writeCache(cacheFile, bundleHash, script, refused, log)
          : log(`${cacheName.replace(/\.v8cache$/, '')} compiled from the code cache.`),
      WRITE_AFTER_MS,
    ).unref();
  }
  const run = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: unknown,
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {}, filename: bundlePath, id: '.', loaded: false };
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  module.loaded = true;
  return module.exports;
}

function readCache(file: string, bundleHash: string): CacheRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { missing: 'not found' };
  }
  const newline = bytes.indexOf(10);
  const [magic, forBundle, payloadHash, extra] = (newline > 0 ? bytes.subarray(0, newline).toString('latin1') : '').split(' | ');
  if (magic !== MAGIC || extra !== undefined) return { missing: 'not recognized' };
  if (forBundle !== bundleHash) return { missing: 'made for another build' };
  const data = bytes.subarray(newline + 1);
  if (sha256(data) !== payloadHash) return { missing: 'damaged' };
  return { data };
}

function writeCache(file: string, bundleHash: string, script: Script, why: string, log: (line: string) => void): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${MAGIC} | ${bundleHash} | ${sha256(data)}\n`, 'latin1'), data]));
    renameSync(temporary, file);
    log(`code cache ${why}: written (${Math.round(data.length / 1024)} KB).`);
  } catch (err) {
    rmSync(temporary, { force: true });
    log(`code cache ${why}, and not written: ${(err as Error).message}`);
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
