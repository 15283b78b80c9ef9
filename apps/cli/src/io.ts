/** Where a command writes: the terminal, or a test's buffers. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, read whole (for `-` as a file name). */
  stdin(): Buffer;
}
