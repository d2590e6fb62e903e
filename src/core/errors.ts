/**
 * A mistake in what the user gave us (a file, a field, a flag). It carries where the problem is
 * (a JSON path, a file, a CSV line) and how to fix it; the CLI prints it as one line and exits 2.
 * Every other exception is a bug in Glassbox and exits 1.
 */
export class UserError extends Error {
  readonly where: string | undefined;
  constructor(message: string, where?: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = "UserError";
    this.where = where;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
