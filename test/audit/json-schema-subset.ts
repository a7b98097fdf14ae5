/**
 * A tiny JSON Schema validator for exactly the keywords schema/audit-record.v1.json uses: type (one or
 * a list), const, enum, pattern, maxLength, minimum, maxItems, items, required, properties,
 * additionalProperties (false or a schema), maximum and local $ref (#/$defs/...). Any other keyword is an error, so the
 * schema cannot grow a keyword this validator would silently ignore. Not worth a dependency.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$schema", "$id", "$defs", "$ref", "title", "description",
  "type", "const", "enum", "pattern", "maxLength", "minimum", "maximum", "maxItems", "items", "required", "properties", "additionalProperties",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function validate(schema: Schema, value: unknown, root: Schema = schema, path = "$"): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) errors.push(`${path}: schema keyword "${key}" is not supported by this validator`);
  if (typeof schema["$ref"] === "string") {
    const ref = schema["$ref"];
    if (!ref.startsWith("#/$defs/")) return [...errors, `${path}: unsupported $ref ${ref}`];
    const target = (root["$defs"] as Record<string, Schema> | undefined)?.[ref.slice("#/$defs/".length)];
    if (!target) return [...errors, `${path}: unresolved $ref ${ref}`];
    return [...errors, ...validate(target, value, root, path)];
  }
  const actual = typeOf(value);
  if (schema["type"] !== undefined) {
    const allowed = Array.isArray(schema["type"]) ? (schema["type"] as string[]) : [schema["type"] as string];
    const ok = allowed.some((t) => t === actual || (t === "number" && actual === "integer"));
    if (!ok) return [...errors, `${path}: expected ${allowed.join(" or ")}, got ${actual}`];
  }
  if ("const" in schema && JSON.stringify(schema["const"]) !== JSON.stringify(value)) errors.push(`${path}: expected ${JSON.stringify(schema["const"])}`);
  if (Array.isArray(schema["enum"]) && !schema["enum"].some((e) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === "string") {
    if (typeof schema["pattern"] === "string" && !new RegExp(schema["pattern"], "u").test(value)) errors.push(`${path}: ${JSON.stringify(value)} does not match ${schema["pattern"]}`);
    if (typeof schema["maxLength"] === "number" && Array.from(value).length > schema["maxLength"]) errors.push(`${path}: longer than ${schema["maxLength"]}`);
  }
  if (typeof value === "number" && typeof schema["minimum"] === "number" && value < schema["minimum"]) errors.push(`${path}: below ${schema["minimum"]}`);
  if (typeof value === "number" && typeof schema["maximum"] === "number" && value > schema["maximum"]) errors.push(`${path}: above ${schema["maximum"]}`);
  if (Array.isArray(value)) {
    if (typeof schema["maxItems"] === "number" && value.length > schema["maxItems"]) errors.push(`${path}: more than ${schema["maxItems"]} items`);
    if (schema["items"]) value.forEach((item, i) => errors.push(...validate(schema["items"] as Schema, item, root, `${path}[${i}]`)));
  }
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const key of (schema["required"] as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${path}: missing required "${key}"`);
    const properties = (schema["properties"] as Record<string, Schema> | undefined) ?? {};
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(properties[key], item, root, `${path}.${key}`));
      else if (schema["additionalProperties"] === false) errors.push(`${path}: unexpected property "${key}"`);
      else if (typeof schema["additionalProperties"] === "object") errors.push(...validate(schema["additionalProperties"] as Schema, item, root, `${path}.${key}`));
    }
  }
  return errors;
}
