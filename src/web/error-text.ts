/**
 * What went wrong, for the page to show: an error's message without the class name a worker's
 * error can arrive with ("UserError: …", "RangeError: …"), or the thrown value as text.
 */
export function errorText(e: unknown): string {
  const message = e instanceof Error || (typeof e === "object" && e !== null && "message" in e) ? String((e as Error).message) : String(e);
  return message.replace(/^(?:[A-Z][A-Za-z]*)?Error: /, "");
}
