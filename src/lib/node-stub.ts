// Stand-in for Node built-ins (fs, fs/promises, child_process) that the 0G SDK references on
// code paths the browser never takes. Importing it is harmless; calling anything throws.

function notAvailable(name: string): never {
  throw new Error(`${name} is not available in the browser`);
}

function stub(name: string) {
  return (..._args: unknown[]): never => notAvailable(name);
}

export const readFile = stub('readFile');
export const writeFile = stub('writeFile');
export const appendFile = stub('appendFile');
export const stat = stub('stat');
export const lstat = stub('lstat');
export const mkdir = stub('mkdir');
export const rm = stub('rm');
export const access = stub('access');
export const unlink = stub('unlink');
export const open = stub('open');
export const readdir = stub('readdir');
export const existsSync = stub('existsSync');
export const readFileSync = stub('readFileSync');
export const writeFileSync = stub('writeFileSync');
export const mkdirSync = stub('mkdirSync');
export const createReadStream = stub('createReadStream');
export const createWriteStream = stub('createWriteStream');
export const spawn = stub('spawn');
export const exec = stub('exec');
export const execSync = stub('execSync');
export const execFile = stub('execFile');
export const fork = stub('fork');

export const constants = {};

export const promises = { readFile, writeFile, appendFile, stat, lstat, mkdir, rm, access, unlink, open, readdir };

export default {
  ...promises,
  promises,
  constants,
  existsSync,
  readFileSync,
  writeFileSync,
  mkdirSync,
  createReadStream,
  createWriteStream,
  spawn,
  exec,
  execSync,
  execFile,
  fork,
};
