/**
 * The shareable URL: the open file, the edits and the case, deflated (CompressionStream) and
 * base64url-encoded in the hash: `#estado=…`.
 */
export interface SharedState {
  /** Open file. */
  f: string;
  /** Edited files: path → text. */
  e?: Record<string, string>;
  /** Case (JSON) and evaluation date. */
  c?: Record<string, unknown>;
  d?: string;
  /** Current trace step, if an evaluation was shown. */
  s?: number;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeState(state: SharedState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return toBase64Url(await pipe(json, new CompressionStream('deflate')));
}

export async function decodeState(hash: string): Promise<SharedState | undefined> {
  const m = /[#&]estado=([A-Za-z0-9_-]+)/.exec(hash);
  if (!m) return undefined;
  try {
    const json = await pipe(fromBase64Url(m[1]!), new DecompressionStream('deflate'));
    const state = JSON.parse(new TextDecoder().decode(json)) as SharedState;
    return typeof state.f === 'string' ? state : undefined;
  } catch {
    return undefined;
  }
}
