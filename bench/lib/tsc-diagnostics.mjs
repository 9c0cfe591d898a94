// Reads `tsc --extendedDiagnostics` output (for the type-check benchmark). Pure.

/** The numbers of tsc's --extendedDiagnostics output that say where its time goes. */
export function readDiagnostics(stdout) {
  const number = (label) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)(s|K)?$`, "m").exec(stdout);
    if (!match) throw new Error(`tsc --extendedDiagnostics printed no "${label}"`);
    return match[2] === "s" ? Number(match[1]) * 1000 : Number(match[1]);
  };
  return {
    files: number("Files"),
    lines: number("Lines of TypeScript") + number("Lines of Definitions"),
    types: number("Types"),
    instantiations: number("Instantiations"),
    checkMs: number("Check time"),
  };
}
