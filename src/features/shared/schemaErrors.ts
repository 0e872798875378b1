import type { z } from 'zod';
import type { MessageKey, MessageParams } from '../../i18n';
import { catalogs } from '../../i18n/catalog';

/** A field's message: a catalog key and what fills its {placeholders}. */
export interface FieldError {
  key: MessageKey;
  params?: MessageParams;
}

export type FieldErrors<K extends string> = Partial<Record<K, FieldError>>;

type Issue = z.core.$ZodIssue;

const isKey = (key: string): key is MessageKey => Object.hasOwn(catalogs.da, key);

/** A schema's own code for an issue ("phone-format", "cpr-date"), set as its message. */
const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$|^[a-z]+$/;

/** Each field of `fields` with the first issue whose path starts at it (issues of other fields dropped). */
function firstIssuePerField<K extends string>(
  issues: readonly Issue[],
  fields: readonly K[],
): Map<K, Issue> {
  const first = new Map<K, Issue>();
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(fields as readonly string[]).includes(field)) continue;
    if (!first.has(field as K)) first.set(field as K, issue);
  }
  return first;
}

/** The catalog message for one issue of `field` in a form of `area` (see schemaFieldErrors). */
function messageOf(issue: Issue, area: string, field: string): FieldError {
  const candidates = [
    CODE.test(issue.message) ? `${area}.error.${issue.message}` : '',
    `${area}.error.${field}.${issue.code}`,
    `${area}.error.${field}`,
  ];
  const specific = candidates.find((key) => key !== '' && isKey(key));
  if (specific) return { key: specific };
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? { key: 'form.error.required' }
        : { key: 'form.error.tooSmall', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'form.error.tooLong', params: { maximum: Number(issue.maximum) } }
        : { key: 'form.error.tooBig', params: { maximum: Number(issue.maximum) } };
    case 'invalid_type':
      return { key: 'form.error.required' };
    case 'invalid_format':
      return { key: 'form.error.format' };
    default:
      return { key: 'form.error.invalid' };
  }
}

/**
 * A form's field messages from the schema that will check the record, so the form never repeats
 * a rule of src/domain: each issue (its path's first field, its code and params) maps to the
 * catalog — a schema's own code in the message (`<area>.error.<code>`), then the field and zod
 * code (`<area>.error.<field>.<code>`), then the field (`<area>.error.<field>`), then a generic
 * message for the zod code (`form.error.*`, with its limit). First issue per field wins; issues
 * of fields outside `fields` (not on the form) are left out.
 */
export function schemaFieldErrors<K extends string>(
  issues: readonly Issue[],
  area: string,
  fields: readonly K[],
): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const [field, issue] of firstIssuePerField(issues, fields)) {
    errors[field] = messageOf(issue, area, field);
  }
  return errors;
}

/**
 * A form's errors from the API's own zod schema (src/protocol), so the form refuses exactly what
 * the server would, with one fixed message per field (administration forms): per field, the
 * first issue's message from `messages`; an issue of a refinement (code "custom") gets `custom`
 * instead when given. Same walk over the issues as schemaFieldErrors.
 */
export function schemaErrors<F extends string>(
  schema: z.ZodType,
  value: unknown,
  messages: Record<F, MessageKey>,
  custom?: Partial<Record<F, MessageKey>>,
): Partial<Record<F, MessageKey>> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Partial<Record<F, MessageKey>> = {};
  const fields = Object.keys(messages) as F[];
  for (const [field, issue] of firstIssuePerField(result.error.issues, fields)) {
    errors[field] = (issue.code === 'custom' ? custom?.[field] : undefined) ?? messages[field];
  }
  return errors;
}
