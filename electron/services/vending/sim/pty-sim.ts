/**
 * The simulated VMC on a real serial line: socat makes a PTY pair, the host
 * opens `link`, the board sits on `link.board`. Used by the PTY simulator
 * CLI, the integration tests and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync, unwatchFile, watchFile } from 'node:fs';
import { openSerial } from '../../devices/serial-opener';
import { simFaultsSchema } from './sim-faults';
import { VmcBoard, type BoardOptions } from './vmc-board';

export interface PtySim {
  /** The path the host opens (`serial:<link>`). */
  link: string;
  board: VmcBoard;
  /** Re-reads the state file now (it is also watched). */
  reloadState(): void;
  close(): Promise<void>;
}

export interface PtySimOptions extends BoardOptions {
  link: string;
  baud?: number;
  /** JSON fault file (see `sim-faults.ts`); applied at start and whenever its content changes. */
  stateFile?: string;
  board?: VmcBoard;
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function startPtySim(opts: PtySimOptions): Promise<PtySim> {
  const boardPath = `${opts.link}.board`;
  const socat: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${opts.link}`, `pty,raw,echo=0,link=${boardPath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let socatLog = '';
  socat.stderr!.on('data', (d: Buffer) => (socatLog = (socatLog + d.toString()).slice(-2000)));
  const exited = new Promise<void>((r) => socat.once('exit', () => r()));
  try {
    await waitFor(() => existsSync(opts.link) && existsSync(boardPath) && /starting data transfer loop/.test(socatLog), 5000, `socat PTYs (${socatLog.trim()})`);
  } catch (err) {
    socat.kill('SIGKILL');
    throw err;
  }
  const board = opts.board ?? new VmcBoard(opts);
  let port;
  try {
    port = await openSerial({ path: boardPath, baud: opts.baud ?? 9600 });
  } catch (err) {
    socat.kill('SIGKILL');
    throw err;
  }
  // A board writes and forgets: a reply lost on a closing line is what a real one does too.
  board.attach((bytes) => void port.write(bytes).catch(() => undefined));
  port.onData((chunk) => board.receive(chunk));

  let lastState = '';
  const reloadState = () => {
    if (!opts.stateFile || !existsSync(opts.stateFile)) return;
    const text = readFileSync(opts.stateFile, 'utf8');
    if (text === lastState) return; // counters in the file act once, when it changes
    lastState = text;
    if (text.trim() === '') return;
    board.applyFaults(simFaultsSchema.parse(JSON.parse(text)));
  };
  if (opts.stateFile) {
    reloadState();
    watchFile(opts.stateFile, { interval: 50 }, () => {
      try {
        reloadState();
      } catch (err) {
        process.stderr.write(`state file ${opts.stateFile}: ${(err as Error).message}\n`);
      }
    });
    // Check on every command too, so a test that writes the file and then sends never races the watcher.
    port.onData(() => {
      try {
        if (statSync(opts.stateFile!).size >= 0) reloadState();
      } catch {
        // File removed: keep the last faults.
      }
    });
  }

  return {
    link: opts.link,
    board,
    reloadState,
    async close() {
      if (opts.stateFile) unwatchFile(opts.stateFile);
      board.powerCycle(); // stop a running vend's timer
      await port.close();
      socat.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (socat.exitCode === null) socat.kill('SIGKILL');
    },
  };
}
