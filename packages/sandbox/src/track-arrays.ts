// The exercise rule `track-arrays`: every array literal, call and `new` in the student's
// (transpiled) code is wrapped in a function of the bridge that records the arrays it sees
// while a test's call runs, so a test can check "in place" / "builds no other array".
// The wrapper's name and its module's specifier are random for each grading, so the student's
// code cannot name them in advance; an import binding cannot be reassigned.
import { randomBytes } from "node:crypto";
import { parse, type Node } from "acorn";

export interface TrackedCode {
  code: string;
  /** The specifier the code imports the wrapper from (linked to the bridge's `trackArray`). */
  specifier: string;
}

type AnyNode = Node & Record<string, unknown>;

const isNode = (v: unknown): v is AnyNode => typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string";

/** Wraps array-making expressions of an ES module in `name(...)`. Throws on a syntax error. */
export function wrapArrays(code: string, name: string): string {
  const ast = parse(code, { ecmaVersion: "latest", sourceType: "module" }) as unknown as AnyNode;
  const inserts: Array<[number, string]> = [];
  const wrap = (node: AnyNode): void => {
    inserts.push([node.start, `${name}(`], [node.end, ")"]);
  };
  // `spine`: the node is part of an optional chain's path (a?.b().c), where a wrapper would
  // change how the chain short-circuits; the whole chain is wrapped instead.
  const walk = (node: AnyNode, spine: boolean): void => {
    switch (node.type) {
      case "ChainExpression":
        wrap(node);
        walk(node.expression as AnyNode, true);
        return;
      case "CallExpression":
        if (!spine && (node.callee as AnyNode).type !== "Super") wrap(node);
        walk(node.callee as AnyNode, spine);
        for (const a of node.arguments as AnyNode[]) walk(a, false);
        return;
      case "MemberExpression":
        walk(node.object as AnyNode, spine);
        walk(node.property as AnyNode, false);
        return;
      case "ArrayExpression":
      case "NewExpression":
      case "TaggedTemplateExpression":
        wrap(node);
        break;
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) walk(item, false);
      } else if (isNode(value)) walk(value, false);
    }
  };
  walk(ast, false);
  // From the end, so earlier offsets stay valid; at one offset a ")" closes before a "name(" opens.
  inserts.sort((a, b) => b[0] - a[0] || (a[1] === ")" ? 1 : -1));
  let out = code;
  for (const [at, text] of inserts) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

export function trackArrays(code: string): TrackedCode {
  const tag = randomBytes(8).toString("hex");
  const name = `__arrays_${tag}`;
  const specifier = `@sandbox/arrays-${tag}`;
  return { code: `import { trackArray as ${name} } from ${JSON.stringify(specifier)};${wrapArrays(code, name)}`, specifier };
}
