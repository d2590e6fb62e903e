/**
 * How large a file the page opens. The page holds a file's text, its parsed rows and the trained
 * network in one browser tab; past this size the tab would stall or run out of memory before it
 * could say so, so the file is refused up front and the command line (which streams CSVs and
 * bounds memory from the shapes) is named instead.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The first file over the limit, or null when every file can be opened. */
export function oversizedFile(files: readonly { name: string; size: number }[], limit = MAX_FILE_BYTES): { name: string; megabytes: number; limitMegabytes: number } | null {
  const big = files.find((f) => f.size > limit);
  return big ? { name: big.name, megabytes: Math.ceil(big.size / 2 ** 20), limitMegabytes: limit / 2 ** 20 } : null;
}
