// Index stage "binary container" (pure, no I/O): named typed-array sections in one byte buffer, so large
// indexes load as views over the file's bytes instead of being parsed. Layout: 8-byte magic, u32 header length,
// a small JSON header (section names, types, offsets and lengths, plus metadata), then the sections, 8-byte aligned.

const MAGIC = 'CAREERIX';
const ALIGN = 8;

const TYPES = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
} as const;

export type SectionType = keyof typeof TYPES;
export type Section = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;

interface HeaderSection {
  name: string;
  type: SectionType;
  offset: number;
  length: number;
}

interface Header {
  kind: string;
  version: number;
  meta: Record<string, number | string>;
  sections: HeaderSection[];
}

function typeOf(section: Section): SectionType {
  if (section instanceof Uint8Array) return 'u8';
  if (section instanceof Uint16Array) return 'u16';
  if (section instanceof Uint32Array) return 'u32';
  if (section instanceof Int32Array) return 'i32';
  return 'f32';
}

const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** Packs named sections and a little metadata into one buffer, ready to write as a file. */
export function packSections(kind: string, version: number, meta: Record<string, number | string>, sections: Record<string, Section>): Uint8Array {
  const entries = Object.entries(sections);
  // The header holds the offsets, whose digits change its length: lay out twice with a generous header size.
  const layout = (headerBytes: number): HeaderSection[] => {
    let offset = aligned(MAGIC.length + 4 + headerBytes);
    return entries.map(([name, data]) => {
      const s = { name, type: typeOf(data), offset, length: data.length };
      offset = aligned(offset + data.byteLength);
      return s;
    });
  };
  const draft = JSON.stringify({ kind, version, meta, sections: layout(0) } satisfies Header);
  const headerBytes = Buffer.byteLength(draft) + 16 * entries.length + 64;
  const header = Buffer.alloc(headerBytes, 0x20);
  header.write(JSON.stringify({ kind, version, meta, sections: layout(headerBytes) } satisfies Header));
  const placed = layout(headerBytes);
  const last = placed.at(-1);
  const total = last ? aligned(last.offset + (sections[last.name]?.byteLength ?? 0)) : aligned(MAGIC.length + 4 + headerBytes);
  if (total > 2 ** 32) throw new Error(`a ${kind} file of ${total} bytes is over the 4 GiB this format addresses`);
  const out = new Uint8Array(total);
  out.set(Buffer.from(MAGIC, 'latin1'), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes, true);
  out.set(header, MAGIC.length + 4);
  placed.forEach((s, i) => {
    const data = entries[i]?.[1];
    if (data) out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), s.offset);
  });
  return out;
}

/** The sections of a packed buffer, as views over its bytes (copied once only when the buffer is misaligned). */
export class Sections {
  private constructor(
    private readonly bytes: Uint8Array,
    readonly meta: Record<string, number | string>,
    private readonly index: Map<string, HeaderSection>,
  ) {}

  /** Reads a buffer written by `packSections`; throws with the reason when it is not one, or not this kind/version. */
  static read(input: Uint8Array, kind: string, version: number): Sections {
    const bytes = input.byteOffset % ALIGN === 0 ? input : input.slice();
    if (bytes.byteLength < MAGIC.length + 4 || Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).toString('latin1') !== MAGIC) {
      throw new Error(`not a ${kind} file`);
    }
    const headerBytes = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
    if (MAGIC.length + 4 + headerBytes > bytes.byteLength) throw new Error(`${kind} file is truncated`);
    let header: Header;
    try {
      header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + MAGIC.length + 4, headerBytes).toString('utf8')) as Header;
    } catch {
      throw new Error(`${kind} file has an unreadable header`);
    }
    if (header.kind !== kind) throw new Error(`expected a ${kind} file, found ${String(header.kind)}`);
    if (header.version !== version) throw new Error(`${kind} file has version ${header.version}; this version reads ${version}`);
    const index = new Map<string, HeaderSection>();
    for (const s of header.sections ?? []) {
      const type = TYPES[s.type];
      const ok = type && Number.isInteger(s.offset) && Number.isInteger(s.length) && s.offset % ALIGN === 0 && s.offset >= 0 && s.length >= 0;
      if (!ok || s.offset + s.length * type.BYTES_PER_ELEMENT > bytes.byteLength) throw new Error(`${kind} file is truncated (section ${s.name})`);
      index.set(s.name, s);
    }
    return new Sections(bytes, header.meta ?? {}, index);
  }

  private view<T extends Section>(name: string, type: SectionType, make: (buffer: ArrayBufferLike, offset: number, length: number) => T): T {
    const s = this.index.get(name);
    if (!s || s.type !== type) throw new Error(`section ${name} (${type}) is missing`);
    return make(this.bytes.buffer, this.bytes.byteOffset + s.offset, s.length);
  }

  u8(name: string): Uint8Array {
    return this.view(name, 'u8', (b, o, l) => new Uint8Array(b, o, l));
  }
  u16(name: string): Uint16Array {
    return this.view(name, 'u16', (b, o, l) => new Uint16Array(b, o, l));
  }
  u32(name: string): Uint32Array {
    return this.view(name, 'u32', (b, o, l) => new Uint32Array(b, o, l));
  }
  i32(name: string): Int32Array {
    return this.view(name, 'i32', (b, o, l) => new Int32Array(b, o, l));
  }
  f32(name: string): Float32Array {
    return this.view(name, 'f32', (b, o, l) => new Float32Array(b, o, l));
  }

  /** A numeric metadata value; throws when it is missing. */
  num(name: string): number {
    const v = this.meta[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`metadata ${name} is missing`);
    return v;
  }
}

/** Checks that `offsets` is a non-decreasing list of `count + 1` positions ending at `end`. */
export function checkOffsets(offsets: Uint32Array, count: number, end: number, what: string): void {
  if (offsets.length !== count + 1 || offsets[0] !== 0 || offsets[count] !== end) throw new Error(`${what} offsets do not match their data`);
  for (let i = 0; i < count; i++) if ((offsets[i] ?? 0) > (offsets[i + 1] ?? 0)) throw new Error(`${what} offsets are out of order`);
}
