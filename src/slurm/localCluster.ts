/**
 * A one-node Slurm cluster started by hand in a scratch folder (no systemd), for tests and for trying
 * `falcun-lab slurm` on a laptop. Uses Debian's slurmctld, slurmd and munge (see scripts/setup-system.sh).
 * Everything it writes lives under `root`; `stop()` cancels jobs, waits for their tasks to end, stops
 * every daemon it started and removes the folder, so a later cluster never resumes old jobs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export interface LocalCluster {
  readonly root: string;
  readonly conf: string;
  /** Environment for sbatch/squeue/scontrol calls against this cluster (SLURM_CONF). */
  readonly env: NodeJS.ProcessEnv;
  stop(): void;
}

const BINARIES = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'scancel'];

/** Names of the Slurm/munge binaries missing on this machine (empty when a local cluster can start). */
export function missingSlurmBinaries(): string[] {
  return BINARIES.filter((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status !== 0);
}

function pidOf(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Starts munged, slurmctld and slurmd (as root; Slurm's daemons need it here) with ports derived from
 * `portBase`, waits until the node is idle (up to `timeoutMs`) and returns the handle.
 * @throws Error naming the missing binaries, or the daemon that did not come up (with its log's tail).
 */
export function startLocalCluster(root: string, options: { portBase?: number; timeoutMs?: number } = {}): LocalCluster {
  const missing = missingSlurmBinaries();
  if (missing.length) {
    throw new Error(
      `startLocalCluster: missing ${missing.join(', ')}; install with ` +
        `'apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge'`,
    );
  }
  if (process.getuid?.() !== 0) throw new Error('startLocalCluster: the Slurm daemons must run as root here');
  const portBase = options.portBase ?? 16817;
  rmSync(root, { recursive: true, force: true });
  for (const d of ['munge', 'state', 'spool', 'log', 'run']) mkdirSync(join(root, d), { recursive: true });
  chmodSync(join(root, 'munge'), 0o755); // munged refuses a socket folder others cannot traverse
  const key = join(root, 'munge', 'munge.key');
  writeFileSync(key, Buffer.alloc(1024, 7), { mode: 0o400 });
  const socket = join(root, 'munge', 'munge.socket');
  execFileSync('munged', [
    '--force',
    `--key-file=${key}`,
    `--socket=${socket}`,
    `--pid-file=${join(root, 'run', 'munged.pid')}`,
    `--log-file=${join(root, 'log', 'munged.log')}`,
    `--seed-file=${join(root, 'munge', 'seed')}`,
  ]);
  const nodeCpus = Math.max(2, cpus().length);
  const conf = join(root, 'slurm.conf');
  const lines = [
    'ClusterName=falcunlocal',
    'SlurmctldHost=localhost',
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${socket},cred_expire=10`,
    `SlurmctldPort=${portBase}`,
    `SlurmdPort=${portBase + 1}`,
    `StateSaveLocation=${join(root, 'state')}`,
    `SlurmdSpoolDir=${join(root, 'spool')}`,
    `SlurmctldPidFile=${join(root, 'run', 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(root, 'run', 'slurmd.pid')}`,
    `SlurmctldLogFile=${join(root, 'log', 'slurmctld.log')}`,
    `SlurmdLogFile=${join(root, 'log', 'slurmd.log')}`,
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'JobCompType=jobcomp/filetxt',
    `JobCompLoc=${join(root, 'log', 'jobcomp.txt')}`,
    'MailProg=/bin/true',
    'ReturnToService=2',
    'KillWait=5', // seconds between SIGTERM and SIGKILL for a cancelled or requeued task (default 30)
    'SlurmdTimeout=10',
    'SchedulerParameters=batch_sched_delay=0,sched_interval=2',
    `NodeName=localhost CPUs=${nodeCpus} RealMemory=4000`,
    'PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
  ];
  writeFileSync(conf, lines.join('\n') + '\n');
  const env = { ...process.env, SLURM_CONF: conf };
  const cluster: LocalCluster = {
    root,
    conf,
    env,
    stop() {
      // Read the pids first: `scontrol shutdown` makes the daemons remove their pid files while they may
      // still be winding down (slurmd, while it ends running tasks).
      const pids = ['slurmd.pid', 'slurmctld.pid', 'munged.pid']
        .map((f) => pidOf(join(root, 'run', f)))
        .filter((p): p is number => p !== undefined);
      // Cancel every job and let slurmd end the tasks (SIGTERM, SIGKILL after KillWait) before the daemons
      // go: `scontrol shutdown` alone leaves running tasks alive.
      spawnSync('scancel', ['--full', '--user=root'], { env, stdio: 'ignore', timeout: 10000 });
      const drained = Date.now() + 15000;
      while (Date.now() < drained) {
        const q = spawnSync('squeue', ['-h', '-o', '%i'], { env, encoding: 'utf8', timeout: 5000 });
        if (q.status !== 0 || q.stdout.trim() === '') break;
        sleepMs(200);
      }
      spawnSync('scontrol', ['shutdown'], { env, stdio: 'ignore', timeout: 10000 });
      for (const pid of pids) signal(pid, 'SIGTERM');
      // The daemons take a few seconds to wind down; wait, then make sure.
      const deadline = Date.now() + 10000;
      while (pids.some(alive) && Date.now() < deadline) sleepMs(100);
      for (const pid of pids.filter(alive)) signal(pid, 'SIGKILL');
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    execFileSync('slurmctld', ['-f', conf], { env, stdio: 'ignore' });
    execFileSync('slurmd', ['-f', conf], { env, stdio: 'ignore' });
    const deadline = Date.now() + (options.timeoutMs ?? 30000);
    for (;;) {
      const r = spawnSync('sinfo', ['-h', '-o', '%t'], { env, encoding: 'utf8' });
      if (r.status === 0 && /idle|mix|alloc/.test(r.stdout)) break;
      if (Date.now() > deadline) {
        const tail = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').split('\n').slice(-8).join('\n') : '(no log)');
        throw new Error(
          `startLocalCluster: node not idle after ${options.timeoutMs ?? 30000} ms (sinfo: ${r.stdout.trim() || r.stderr.trim()})\n` +
            `slurmctld.log:\n${tail(join(root, 'log', 'slurmctld.log'))}\nslurmd.log:\n${tail(join(root, 'log', 'slurmd.log'))}`,
        );
      }
      sleepMs(200);
    }
  } catch (e) {
    cluster.stop();
    throw e;
  }
  return cluster;
}
