import { load as loadYaml } from 'js-yaml';

export function parseFrontMatterYaml(yaml: string): { value?: unknown; error?: { message: string; offset?: number } } {
  // An empty block (`---` then `---`, or only comments) sets nothing; js-yaml calls it an error.
  if (yaml.split(/\r\n|\r|\n/).every((line) => /^[ \t]*(?:#.*)?$/.test(line))) return { value: undefined };
  try {
    return { value: loadYaml(yaml) };
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { position?: number } };
    return { error: { message: e.reason ?? e.message ?? String(err), offset: e.mark?.position } };
  }
}
