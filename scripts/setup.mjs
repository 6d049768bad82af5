#!/usr/bin/env node
// Prepares a fresh clone for `npm run demo` and `npm test`, idempotently:
//   1. a Node.js new enough for the project (from the npm registry when the
//      machine's is older than .nvmrc's major),
//   2. the Python virtual environment with the local BigQuery emulator,
//   3. the TypeScript build in dist/.
// Plain JavaScript with no dependencies: it runs on whatever Node the
// machine has, before anything else is installed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = path.join(ROOT, '.tools');
const VENV_DIR = path.join(ROOT, '.venv');
const BIN_LINK = path.join(ROOT, 'node_modules', '.bin', 'node');
const EMULATOR_REQUIREMENTS = path.join(ROOT, 'scripts', 'emulator-requirements.txt');
const EMULATOR_CONSTRAINTS = path.join(ROOT, 'scripts', 'emulator-constraints.txt');
const MIN_PYTHON = [3, 11];
/** DuckDB extensions bqemulator installs at start-up. */
const DUCKDB_EXTENSIONS = ['spatial', 'avro'];

const quiet = process.argv.includes('--quiet');
const say = (message) => {
  if (!quiet) process.stderr.write(`setup: ${message}\n`);
};

try {
  ensureNode();
  ensureEmulatorVenv();
  buildTypeScript();
} catch (error) {
  process.stderr.write(`setup failed: ${error.message}\n`);
  process.exit(1);
}

/** Links node_modules/.bin/node to a Node of .nvmrc's version when needed. */
function ensureNode() {
  const wanted = fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim();
  const wantedMajor = Number(wanted.split('.')[0]);
  const machineNode = findMachineNode();
  const machineVersion = machineNode
    ? run(machineNode, ['--version']).trim().replace(/^v/, '')
    : '0.0.0';

  if (Number(machineVersion.split('.')[0]) >= wantedMajor) {
    fs.rmSync(BIN_LINK, { force: true });
    say(`using this machine's Node ${machineVersion}`);
    return;
  }

  const nodeBin = path.join(TOOLS_DIR, `node-v${wanted}`, 'bin', 'node');
  if (!fs.existsSync(nodeBin)) {
    say(`machine Node ${machineVersion} is older than ${wantedMajor}; ` +
      `fetching Node ${wanted} from the npm registry`);
    fetchNode(wanted, path.dirname(path.dirname(nodeBin)));
  }
  fs.mkdirSync(path.dirname(BIN_LINK), { recursive: true });
  fs.rmSync(BIN_LINK, { force: true });
  fs.symlinkSync(nodeBin, BIN_LINK);
  say(`npm scripts run on Node ${wanted} (${path.relative(ROOT, nodeBin)})`);
}

/** The first `node` on PATH that is not the link this script manages. */
function findMachineNode() {
  const ownBin = path.dirname(BIN_LINK);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || path.resolve(dir) === ownBin) continue;
    const candidate = path.join(dir, 'node');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

function fetchNode(version, targetDir) {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (process.platform !== 'linux' || !arch) {
    throw new Error(`no Node ${version} package for ${process.platform}/` +
      `${process.arch}; install Node ${version} yourself (see .nvmrc)`);
  }
  const packDir = fs.mkdtempSync(path.join(ROOT, '.tools-'));
  try {
    const spec = `node-linux-${arch}@${version}`;
    const out = run('npm', ['pack', spec, '--silent',
      '--pack-destination', packDir]);
    const tarball = path.join(packDir, out.trim().split('\n').pop());
    run('tar', ['-xzf', tarball, '-C', packDir]);
    fs.mkdirSync(TOOLS_DIR, { recursive: true });
    fs.rmSync(targetDir, { recursive: true, force: true });
    fs.renameSync(path.join(packDir, 'package'), targetDir);
    fs.chmodSync(path.join(targetDir, 'bin', 'node'), 0o755);
  } finally {
    fs.rmSync(packDir, { recursive: true, force: true });
  }
}

/**
 * Creates .venv with bqemulator, pinned by the constraints file, and puts
 * the DuckDB extensions it loads where DuckDB looks for them, so the
 * emulator starts without network access. Skipped when the pins have not changed.
 */
function ensureEmulatorVenv() {
  const stamp = path.join(VENV_DIR, '.installed');
  const digest = createHash('sha256')
    .update(fs.readFileSync(EMULATOR_REQUIREMENTS))
    .update(fs.readFileSync(EMULATOR_CONSTRAINTS))
    .digest('hex');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) {
    return;
  }

  const python = findPython();
  say(`creating ${path.relative(ROOT, VENV_DIR)} with ${python} ` +
    '(BigQuery emulator; a few minutes the first time)');
  run(python, ['-m', 'venv', '--clear', VENV_DIR]);
  const pip = path.join(VENV_DIR, 'bin', 'pip');
  run(pip, ['install', '--quiet', '--disable-pip-version-check',
    '-r', EMULATOR_REQUIREMENTS, '-c', EMULATOR_CONSTRAINTS]);
  installDuckdbExtensions();
  fs.writeFileSync(stamp, digest);
}

function findPython() {
  for (const name of ['python3.13', 'python3.12', 'python3.11', 'python3']) {
    try {
      const version = run(name, ['-c',
        'import sys; print("%d.%d" % sys.version_info[:2])']).trim();
      const [major, minor] = version.split('.').map(Number);
      if (major > MIN_PYTHON[0] ||
        (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1])) {
        return name;
      }
    } catch {
      // Not installed under this name; try the next one.
    }
  }
  throw new Error('the BigQuery emulator needs Python 3.11 or newer on ' +
    'PATH (python3); install it and run `npm install` again');
}

// bqemulator runs `INSTALL spatial` and `INSTALL avro` at start-up, which
// download unless the extension is already in DuckDB's extension folder
// (~/.duckdb). The emulator is started with HOME=.venv/duckdb-home, so the
// copies from the PyPI extension packages go there.
function installDuckdbExtensions() {
  const python = path.join(VENV_DIR, 'bin', 'python');
  const duckdbVersion = run(python, ['-c',
    'import duckdb; print(duckdb.__version__)']).trim();
  const platform = run(python, ['-c',
    'import duckdb; print(duckdb.execute("pragma platform").fetchone()[0])',
  ]).trim();
  const target = path.join(VENV_DIR, 'duckdb-home', '.duckdb', 'extensions',
    `v${duckdbVersion}`, platform);
  fs.mkdirSync(target, { recursive: true });
  for (const extension of DUCKDB_EXTENSIONS) {
    const source = run(python, ['-c',
      `import duckdb_extension_${extension} as m, os; ` +
      'print(os.path.dirname(m.__file__))']).trim();
    const file = path.join(source, 'extensions', `v${duckdbVersion}`,
      `${extension}.duckdb_extension`);
    if (!fs.existsSync(file)) {
      throw new Error(`duckdb-extension-${extension} has no build for ` +
        `DuckDB ${duckdbVersion}; align their pins in ` +
        path.relative(ROOT, EMULATOR_CONSTRAINTS));
    }
    fs.copyFileSync(file, path.join(target, `${extension}.duckdb_extension`));
  }
}

function buildTypeScript() {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!fs.existsSync(tsc)) {
    throw new Error('TypeScript is not installed; run `npm install` first');
  }
  say('compiling TypeScript into dist/');
  fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
  run(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json')]);
  // The package's bin; npm marks it executable only for installed
  // dependencies, not for the project's own build.
  fs.chmodSync(path.join(ROOT, 'dist', 'connector', 'cli.js'), 0o755);
}

function run(command, args) {
  try {
    return execFileSync(command, args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const detail = (error.stderr || error.stdout || error.message || '')
      .toString().trim().split('\n').slice(-15).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` failed:\n${detail}`);
  }
}
