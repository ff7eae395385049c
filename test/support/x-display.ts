/**
 * A virtual X display (Debian's Xvfb) for tests that run the kiosk as a venue
 * machine does: a real browser window, screenshots with ImageMagick's
 * `import`, taps with `xdotool`. No CDP: what is seen is what the X server shows.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export function xDisplayAvailable(): boolean {
  return ['/usr/bin/Xvfb', '/usr/bin/import', '/usr/bin/xdotool', '/usr/bin/convert'].every((p) => existsSync(p));
}

export interface XDisplay {
  /** `:N`, for DISPLAY. */
  display: string;
  screenshot(file: string): void;
  tap(x: number, y: number): void;
  /** Mean colour of a rectangle of a screenshot, 0-255 per channel. */
  meanColor(file: string, rect: { x: number; y: number; w: number; h: number }): { r: number; g: number; b: number };
  stop(): Promise<void>;
}

export async function startXDisplay(size = { width: 1080, height: 1920 }): Promise<XDisplay> {
  // -displayfd: Xvfb picks a free display number and writes it to fd 3 once it accepts clients.
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${size.width}x${size.height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start in 30 s')), 30_000);
    (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${text.trim()}`);
      }
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited ${code}`)));
  });
  const env = { ...process.env, DISPLAY: display };
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.error?.message}`);
    return r.stdout;
  };
  return {
    display,
    screenshot: (file) => void run('import', ['-window', 'root', file]),
    tap: (x, y) => void run('xdotool', ['mousemove', String(x), String(y), 'click', '1']),
    meanColor(file, rect) {
      const out = run('convert', [file, '-crop', `${rect.w}x${rect.h}+${rect.x}+${rect.y}`, '+repage', '-scale', '1x1!', '-depth', '8', 'txt:-']);
      const m = /\((\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)/.exec(out.split('\n')[1] ?? '');
      if (!m) throw new Error(`cannot read a colour from: ${out}`);
      return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]) };
    },
    async stop() {
      if (xvfb.exitCode !== null) return;
      const gone = new Promise((r) => xvfb.once('exit', r));
      xvfb.kill('SIGTERM');
      await gone;
    },
  };
}
