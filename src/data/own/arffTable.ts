/**
 * Reads an ARFF file (Weka's format, in which OpenML serves its tables): `@relation`, `@attribute name type`
 * (numeric / real / integer, or a nominal `{a, b, c}`), then `@data` rows, comma-separated with ' or "
 * quotes and `%` comments. The label is the attribute named `labelColumn` (default: the last one, OpenML's
 * target). Nominal features become their value's index; `?` (missing) and sparse rows are refused.
 */
import { readFileSync } from 'node:fs';
import { DataFileError } from '../dataFileError.ts';
import type { LabelledRows } from './ownSplits.ts';

interface Attribute {
  readonly name: string;
  /** null for numeric; the values of a nominal attribute. */
  readonly nominal: readonly string[] | null;
}

/** Splits one ARFF line on commas outside quotes, unquoting ' and " fields (backslash escapes the quote). */
export function splitArffFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== null) {
      if (ch === '\\' && i + 1 < line.length) cur += line[++i]!;
      else if (ch === quote) quote = null;
      else cur += ch;
    } else if ((ch === "'" || ch === '"') && cur.trim() === '') {
      quote = ch;
      quoted = true;
      cur = '';
    } else if (ch === ',') {
      out.push(quoted ? cur : cur.trim());
      cur = '';
      quoted = false;
    } else cur += ch;
  }
  out.push(quoted ? cur : cur.trim());
  return out;
}

function unquote(s: string): string {
  const t = s.trim();
  return (t.startsWith("'") && t.endsWith("'")) || (t.startsWith('"') && t.endsWith('"')) ? t.slice(1, -1) : t;
}

/**
 * @throws DataFileError naming the file and line for a missing @data, an unknown attribute type, a label
 *   attribute that does not exist, a row of another width, a missing value, a nominal value not declared.
 */
export function readArffTable(path: string, options: { labelColumn?: string; ignoreColumns?: readonly string[] } = {}): LabelledRows & { featureNames: readonly string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataFileError(path, `cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; paths are relative to the folder the command runs in)`);
  }
  const lines = text.split(/\r?\n/);
  const attributes: Attribute[] = [];
  let l = 0;
  for (; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '' || line.startsWith('%')) continue;
    const lower = line.toLowerCase();
    if (lower.startsWith('@relation')) continue;
    if (lower.startsWith('@data')) break;
    if (!lower.startsWith('@attribute')) throw new DataFileError(path, `line ${l + 1}: expected @relation, @attribute or @data, got ${JSON.stringify(line.slice(0, 40))}`);
    const m = /^@attribute\s+('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\S+)\s+(.+)$/i.exec(line);
    if (m === null) throw new DataFileError(path, `line ${l + 1}: cannot read the attribute declaration ${JSON.stringify(line)}`);
    const name = unquote(m[1]!);
    const type = m[2]!.trim();
    if (type.startsWith('{')) {
      attributes.push({ name, nominal: splitArffFields(type.slice(1, type.lastIndexOf('}'))).map(unquote) });
    } else if (/^(numeric|real|integer)$/i.test(type)) attributes.push({ name, nominal: null });
    else throw new DataFileError(path, `line ${l + 1}: attribute '${name}' has type '${type}'; only numeric, real, integer and nominal {…} attributes are supported`);
  }
  if (l >= lines.length) throw new DataFileError(path, 'has no @data section');
  if (attributes.length < 2) throw new DataFileError(path, `declares ${attributes.length} attribute(s); need features and a label`);
  const labelName = options.labelColumn ?? attributes[attributes.length - 1]!.name;
  const labelAt = attributes.findIndex((a) => a.name === labelName);
  if (labelAt < 0) throw new DataFileError(path, `has no attribute '${labelName}' (attributes: ${attributes.map((a) => a.name).join(', ')}); set options.labelColumn`);
  const ignore = new Set(options.ignoreColumns ?? []);
  for (const c of ignore) if (!attributes.some((a) => a.name === c)) throw new DataFileError(path, `options.ignoreColumns names '${c}', which is not an attribute`);
  const featureAt = attributes.map((_, j) => j).filter((j) => j !== labelAt && !ignore.has(attributes[j]!.name));
  const values: number[] = [];
  const labels: string[] = [];
  const lineOf: number[] = [];
  const la = attributes[labelAt]!;
  for (l = l + 1; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '' || line.startsWith('%')) continue;
    const where = `row ${labels.length}, line ${l + 1}`;
    if (line.startsWith('{')) throw new DataFileError(path, `${where}: sparse ARFF rows are not supported; save the table dense`);
    const fields = splitArffFields(line);
    if (fields.length !== attributes.length) throw new DataFileError(path, `${where}: has ${fields.length} values, the header declares ${attributes.length} attributes`);
    for (const j of featureAt) {
      const a = attributes[j]!;
      const v = fields[j]!;
      if (v === '?') throw new DataFileError(path, `${where}, attribute '${a.name}': missing value '?'; fill or drop such rows first`);
      if (a.nominal !== null) {
        const k = a.nominal.indexOf(v);
        if (k < 0) throw new DataFileError(path, `${where}, attribute '${a.name}': ${JSON.stringify(v)} is not one of its declared values {${a.nominal.join(', ')}}`);
        values.push(k);
      } else {
        const n = Number(v);
        if (v === '' || !Number.isFinite(n)) throw new DataFileError(path, `${where}, attribute '${a.name}': ${JSON.stringify(v)} is not a number`);
        values.push(n);
      }
    }
    const label = fields[labelAt]!;
    if (label === '?') throw new DataFileError(path, `${where}: the label '${la.name}' is missing ('?')`);
    if (la.nominal !== null && !la.nominal.includes(label)) throw new DataFileError(path, `${where}: label ${JSON.stringify(label)} is not one of the declared values of '${la.name}' {${la.nominal.join(', ')}}`);
    labels.push(label);
    lineOf.push(l + 1);
  }
  if (labels.length === 0) throw new DataFileError(path, 'has no data rows after @data');
  return { file: path, x: Float64Array.from(values), labels, rowName: (i) => `row ${i}, line ${lineOf[i]}`, featureNames: featureAt.map((j) => attributes[j]!.name) };
}
