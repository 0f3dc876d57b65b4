import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

type Tree = { [key: string]: string | Tree };

const featureMessages = import.meta.glob<{ default: Tree }>(['../../features/*/messages/*.ts', '../versions/messages/*.ts'], { eager: true });

/** Every message as `path.to.key` → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const composed = { 'zh-CN': leaves(zhCN as unknown as Tree), en: leaves(en as unknown as Tree) };

describe('messages composed from the feature folders', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    const files = Object.entries(featureMessages).filter(([file]) => file.endsWith(`/${locale}.ts`));

    it(`${locale}: every feature's message reaches the app unchanged`, () => {
      expect(files.length).toBeGreaterThan(10);
      for (const [file, module] of files) {
        for (const [key, text] of leaves(module.default)) expect({ file, key, text: composed[locale].get(key) }).toEqual({ file, key, text });
      }
    });

    it(`${locale}: no two features define the same message`, () => {
      const owner = new Map<string, string>();
      for (const [file, module] of files) {
        for (const key of leaves(module.default).keys()) {
          expect({ key, owners: [owner.get(key), file].filter(Boolean) }).toEqual({ key, owners: [file] });
          owner.set(key, file);
        }
      }
    });
  }

  it('English has exactly the Chinese keys', () => {
    expect([...composed.en.keys()].sort()).toEqual([...composed['zh-CN'].keys()].sort());
  });
});
