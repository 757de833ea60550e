import crypto from 'node:crypto';
import os from 'node:os';

/** A worker's id names its host and process, so a restarted worker can tell which claims died with their owner. */
export function newWorkerId(host = os.hostname(), pid = process.pid): string {
  return `w-${host}-${pid}-${crypto.randomBytes(3).toString('hex')}`;
}

/** Whether a process of this host is running (signal 0 only checks; EPERM means it runs as someone else). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the worker that holds a claim is known to be dead: it ran on this host, and its process
 * is gone, or its process id is now this worker's own (a container restarted with the same pid).
 * Workers of other hosts are never judged, as their processes cannot be seen from here.
 */
export function knownDead(holder: string, me: string, runs: (pid: number) => boolean = processRuns): boolean {
  const theirs = /^w-(.+)-(\d+)-[0-9a-f]{6}$/.exec(holder);
  const mine = /^w-(.+)-(\d+)-[0-9a-f]{6}$/.exec(me);
  if (!theirs || !mine || holder === me || theirs[1] !== mine[1]) return false;
  const pid = Number(theirs[2]);
  return pid === Number(mine[2]) || !runs(pid);
}
