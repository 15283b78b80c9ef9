/** Progress lines for a terminal: "▶ …" when a step starts, "✔ …" when it is done, "✖ …" on failure. */
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);

export const progress = {
  step: (msg: string) => console.log(`${paint('36', '▶')} ${msg}`),
  ok: (msg: string) => console.log(`${paint('32', '✔')} ${msg}`),
  warn: (msg: string) => console.log(`${paint('33', '⚠')} ${msg}`),
  fail: (msg: string) => console.error(`${paint('31', '✖')} ${msg}`),
  info: (msg: string) => console.log(`  ${msg}`),
  bold: (s: string) => paint('1', s),
};

const prefixColors = ['35', '34', '33', '36', '32'];
let nextColor = 0;

/** A printer for a child's output lines: "[api] …", each prefix in its own colour. */
export function linePrinter(name: string, width = 8): (line: string, stream?: 'stdout' | 'stderr') => void {
  const prefix = paint(prefixColors[nextColor++ % prefixColors.length], `[${name}]`.padEnd(width));
  return (line, stream) => (stream === 'stderr' ? process.stderr : process.stdout).write(`${prefix} ${line}\n`);
}
