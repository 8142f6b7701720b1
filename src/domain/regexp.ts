// Domain helper "regular expressions" (pure, no I/O): building rules from names the documents or users wrote.

/** `text` with every character a regular expression would read as syntax escaped ("C++ (UK)" matches itself). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
