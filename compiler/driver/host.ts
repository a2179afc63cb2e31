/**
 * Where sources come from. The CLI reads the file system; the playground and the tests use an
 * in-memory map. Paths are POSIX-style and relative paths resolve against the importing file.
 */
export interface SourceHost {
  read(path: string): string | undefined;
}

export function joinPath(fromFile: string, relative: string): string {
  if (relative.startsWith('/')) return normalizePath(relative);
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '.';
  return normalizePath(`${dir}/${relative}`);
}

export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

export function memoryHost(files: Record<string, string>): SourceHost {
  return { read: (path) => files[normalizePath(path)] ?? files[path] };
}
