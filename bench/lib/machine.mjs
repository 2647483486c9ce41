// What the machine was doing while the bench ran: the figures of a shared 2-core machine mean
// little without its load. Read at the start and at the end of a run and stored with the figures.
import {execFileSync} from 'node:child_process';
import {arch, cpus, freemem, loadavg, platform, release, totalmem} from 'node:os';

const MB = 2 ** 20;

/** Load averages (1, 5 and 15 minutes) and free memory, now. */
export function loadNow() {
  const [one, five, fifteen] = loadavg();
  return {at: new Date().toISOString(), loadAverage: {one, five, fifteen}, freeMemoryMB: Math.round(freemem() / MB)};
}

/** The output of a command, or undefined when it cannot run. */
function commandOutput(command, args) {
  try {
    return execFileSync(command, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
  } catch {
    return undefined;
  }
}

/** The machine and the software the figures come from. */
export function machine() {
  const processors = cpus();
  const dirty = commandOutput('git', ['status', '--porcelain', '--untracked-files=no']);
  return {
    cores: processors.length,
    cpu: processors[0]?.model,
    totalMemoryMB: Math.round(totalmem() / MB),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    commit: commandOutput('git', ['rev-parse', 'HEAD']),
    // Uncommitted changes to tracked files: the figures are then not those of `commit` alone.
    uncommittedChanges: dirty === undefined ? undefined : dirty !== '',
  };
}
