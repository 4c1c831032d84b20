/** Where a command writes: injected so tests can run commands in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A problem with the user's input: printed as one line, exit code 2, no stack trace. */
export class InputError extends Error {}
