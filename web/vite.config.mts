import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { parse } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

// The gateway (sirv) serves a file's .gz beside it to browsers that accept gzip.
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'reform-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
      for (const file of walk(outDir)) if (/\.(js|css|html|svg|json)$/.test(file)) writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
    },
  };
}

/**
 * Each `graphql(`…`)` call of the app becomes an import of its own typed document, as the client
 * preset's Babel plugin does: the preset's `graphql()` looks operations up in a map of all of them,
 * so every page would carry every operation. Each document is served as a module of its own (its
 * line of the generated src/gql/graphql.ts), because the bundler splits by module: pointing at
 * graphql.ts would still put all of them in one shared chunk.
 */
function graphqlDocuments(root: string): Plugin {
  const artifacts = join(root, 'src', 'gql', 'graphql.ts');
  const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
  const prefix = '\0reform-gql-document:';
  const generated = () => {
    const documents = new Map<string, string>();
    for (const match of readFileSync(artifacts, 'utf8').matchAll(
      /^export const (\w+(?:Document|FragmentDoc)) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*>;$/gm,
    ))
      documents.set(match[1], match[2]);
    return documents;
  };
  return {
    name: 'reform-graphql-documents',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(prefix) ? id : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const name = id.slice(prefix.length);
      // The dev server reloads the document when `npm run web:codegen` rewrites it.
      this.addWatchFile(artifacts);
      const document = generated().get(name);
      if (!document) this.error(`${name} is not in src/gql/graphql.ts: run npm run web:codegen`);
      return `export const ${name} = ${document};\n`;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/src/gql/') || !id.startsWith(join(root, 'src'))) return null;
      const names = new Set<string>();
      const replaced = code.replace(call, (_whole, source: string) => {
        if (source.includes('${')) this.error(`${id}: graphql() takes a literal document without interpolation`);
        const [first] = parse(source).definitions;
        if ((first.kind !== 'OperationDefinition' && first.kind !== 'FragmentDefinition') || !first.name)
          this.error(`${id}: every operation and fragment needs a name`);
        const name = first.kind === 'FragmentDefinition' ? `${first.name.value}FragmentDoc` : `${first.name.value}Document`;
        names.add(name);
        return name;
      });
      if (!names.size) return null;
      const imports = [...names].map((name) => `import { ${name} } from ${JSON.stringify(prefix + name)};\n`).join('');
      return { code: imports + replaced.replace(/^import \{ graphql \} from '[./]+gql';\n/m, ''), map: null };
    },
  };
}

const here = dirname(fileURLToPath(import.meta.url));
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: here,
  plugins: [graphqlDocuments(here), react(), precompress()],
  build: {
    outDir: join(here, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  // `npm run web:dev`: hot reload; the API stays the gateway's (`npm start` in another terminal).
  server: { port: 5173, proxy: { '/graphql': { target: gateway, changeOrigin: true } } },
});
