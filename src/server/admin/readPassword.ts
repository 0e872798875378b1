/**
 * The password for a CLI command: FREMSKUDT_PASSWORD, or typed on the terminal without echo (so
 * it lands in neither the shell history nor the process list).
 */
export async function readPassword(prompt = 'Password: '): Promise<string> {
  const fromEnv = process.env.FREMSKUDT_PASSWORD;
  if (fromEnv) return fromEnv;
  const input = process.stdin;
  if (!input.isTTY)
    throw new Error('Set FREMSKUDT_PASSWORD or run on a terminal to type the password');
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}
