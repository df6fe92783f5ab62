// The `declare module "threading"` / `"socket"` text given to the type checker and Monaco is
// checked against the runtimes themselves: it declares exactly the names the module exports,
// and each of them exists on the runtime the student's isolate loads.
import vm from "node:vm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { platformModule, platformModuleNames } from "../src/platform.ts";

/** The names `declare module "<name>" { ... }` exports (values and types), read by TypeScript's parser. */
function declaredExports(name: string, declarations: string): string[] {
  const file = ts.createSourceFile("platform.d.ts", declarations, ts.ScriptTarget.ES2022, true);
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isModuleDeclaration(statement) || statement.name.text !== name || statement.body === undefined || !ts.isModuleBlock(statement.body)) continue;
    for (const member of statement.body.statements) {
      const exported = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isVariableStatement(member)) for (const d of member.declarationList.declarations) names.add(d.name.getText(file));
      else if ("name" in member && member.name !== undefined && ts.isIdentifier(member.name as ts.Node)) names.add((member.name as ts.Identifier).text);
    }
  }
  return [...names];
}

/** Interfaces and type aliases exist only for the checker; the runtime has the rest. */
function declaredValues(name: string, declarations: string): string[] {
  const file = ts.createSourceFile("platform.d.ts", declarations, ts.ScriptTarget.ES2022, true);
  const types = new Set<string>();
  file.forEachChild(function visit(node) {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.parent && ts.isModuleBlock(node.parent)) types.add(node.name.text);
    node.forEachChild(visit);
  });
  return declaredExports(name, declarations).filter((n) => !types.has(n));
}

describe.each(platformModuleNames())("platform module %s", (name) => {
  const module = platformModule(name)!;

  it("declares a module of its own name", () => {
    expect(module.declarations).toMatch(new RegExp(`^declare module "${name}" \\{`));
  });

  it("declares every name the module exports, and no value the module does not export", () => {
    const values = declaredValues(name, module.declarations);
    expect([...module.exports].filter((n) => !values.includes(n)), "exported but not declared").toEqual([]);
    expect(values.filter((n) => !module.exports.includes(n)), "declared but not exported").toEqual([]);
  });

  it("has every exported name on the runtime the student's isolate loads", async () => {
    const context = vm.createContext({});
    vm.runInContext(await module.runtimeScript(), context);
    const runtime = vm.runInContext(`globalThis[${JSON.stringify(module.globalName)}]`, context) as Record<string, unknown>;
    expect(module.exports.filter((n) => runtime[n] === undefined)).toEqual([]);
  });
});
