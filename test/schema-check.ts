/**
 * A small JSON Schema check for the subset kiyan's schema files use ($ref to #/$defs,
 * oneOf, type, enum, required, properties, additionalProperties: false, items, minimum):
 * enough to validate real output lines without a validator dependency. Unknown keywords
 * are an error, so the schema cannot silently use more than this checks.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set(['$schema', '$id', 'title', 'description', '$defs', '$ref', 'oneOf', 'type', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'minimum']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Errors of `value` against `schema` (empty when valid), each with its JSON path. */
export function schemaErrors(root: Schema, value: unknown, schema: Schema = root, path = '$'): string[] {
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`schema keyword "${k}" is not checked by schema-check.ts`);
  if (typeof schema.$ref === 'string') {
    const m = /^#\/\$defs\/(.+)$/.exec(schema.$ref);
    if (!m) throw new Error(`unsupported $ref ${schema.$ref}`);
    return schemaErrors(root, value, (root.$defs as Record<string, Schema>)[m[1]], path);
  }
  if (Array.isArray(schema.oneOf)) {
    const fits = (schema.oneOf as Schema[]).filter((s) => schemaErrors(root, value, s, path).length === 0).length;
    return fits === 1 ? [] : [`${path}: matches ${fits} of the oneOf alternatives, not exactly one`];
  }
  const errs: string[] = [];
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const want = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!want.includes(t) && !(t === 'integer' && want.includes('number'))) return [`${path}: ${t}, expected ${want.join(' or ')}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errs.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) errs.push(`${path}: ${value} < ${schema.minimum}`);
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errs.push(`${path}: missing "${r}"`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errs.push(...schemaErrors(root, v, props[k], `${path}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${path}: unexpected "${k}"`);
    }
  }
  if (t === 'array' && schema.items) (value as unknown[]).forEach((v, i) => errs.push(...schemaErrors(root, v, schema.items as Schema, `${path}[${i}]`)));
  return errs;
}
