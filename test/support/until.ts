// Waiting in a test for something another process or thread does (a mail arriving, a
// thread stopping): looks every `everyMs` until `done` holds, or fails naming `what`.
export async function until(what: string, done: () => boolean | Promise<boolean>, ms = 30_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
