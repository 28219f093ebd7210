/** Entry of the `balance` command; returns the exit code. */
export async function main(_argv: string[]): Promise<number> {
  process.stderr.write("balance: not implemented yet\n");
  return 2;
}
