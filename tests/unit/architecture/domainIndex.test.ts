import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '../../..');
const indexFile = join(root, 'src/domain/index.ts');

/** Each name src/domain/index.ts exports, with the file that defines it and the doc comment on that definition. */
const publicFace = (): { name: string; file: string; doc: string }[] => {
  const program = ts.createProgram([indexFile], {
    strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [], module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(indexFile);
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error('src/domain/index.ts did not load');
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const file = target.declarations?.[0]?.getSourceFile().fileName ?? '';
    return { name: symbol.name, file: relative(root, file), doc: ts.displayPartsToString(target.getDocumentationComment(checker)) };
  });
};

describe('src/domain/index.ts, the domain’s public face', () => {
  const face = publicFace();

  it('documents every port and use case it exports (on the definition)', () => {
    const portsAndUseCases = face.filter((e) => /^src\/domain\/(ports|usecases)\//.test(e.file));
    expect(portsAndUseCases.length).toBeGreaterThan(50);
    expect(portsAndUseCases.filter((e) => e.doc.trim() === '').map((e) => `${e.name} (${e.file})`)).toEqual([]);
  });

  it('exports from every port file, and only what src/domain defines', () => {
    const portFiles = readdirSync(join(root, 'src/domain/ports')).map((name) => `src/domain/ports/${name}`);
    const exported = new Set(face.map((e) => e.file));
    expect(portFiles.filter((file) => !exported.has(file))).toEqual([]);
    expect(face.filter((e) => !e.file.startsWith('src/domain/')).map((e) => e.name)).toEqual([]);
  });
});
