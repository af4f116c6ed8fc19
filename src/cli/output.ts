/** stdout for results only; a closed pipe (kiyan ... | head -1) ends the program quietly. */
let installed = false;

export function installPipeGuard(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`kiyan: cannot write output (${err.code ?? err.message})\n`);
    process.exit(2);
  });
}

export function writeOut(s: string | Uint8Array): void {
  process.stdout.write(s);
}

export function warn(msg: string): void {
  process.stderr.write(`kiyan: warning: ${msg}\n`);
}

export function errorLine(msg: string): void {
  process.stderr.write(`kiyan: ${msg}\n`);
}

export function colorWanted(flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}
