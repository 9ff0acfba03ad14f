// Where and on what a bench run happened: the commit (and uncommitted paths), the machine, its load.
import { execSync } from 'node:child_process';
import os from 'node:os';
import { mb } from './stats';

export interface RunInfo {
  commit: string;
  /** Uncommitted paths, or ''. */
  dirty: string;
  machine: string;
  load: string;
}

export function runInfo(repo: string): RunInfo {
  const commit = safe(() => execSync('git rev-parse --short HEAD', { cwd: repo }).toString().trim(), 'unknown');
  const dirtyPaths = safe(
    () =>
      execSync('git status --porcelain', { cwd: repo })
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3).trim()),
    [] as string[],
  );
  const dirty =
    dirtyPaths.length > 0 ? dirtyPaths.slice(0, 8).join(', ') + (dirtyPaths.length > 8 ? ` and ${dirtyPaths.length - 8} more` : '') : '';
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${mb(os.totalmem())} memory, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return { commit, dirty, machine, load };
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
