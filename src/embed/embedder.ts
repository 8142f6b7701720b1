// Embedding port (pure interface, no I/O): what the index and the retriever need from a model.

/** Turns texts into L2-normalised vectors of `dim` numbers. */
export interface Embedder {
  readonly modelId: string;
  readonly dim: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}
