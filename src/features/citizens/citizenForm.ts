import {
  CitizenFieldsSchema,
  FOCUS_AREAS,
  parseCpr,
  type Citizen,
  type CitizenFields,
  type FocusArea,
} from '../../domain';
import { schemaFieldErrors, type FieldErrors } from '../shared/schemaErrors';

export interface CitizenFormValues {
  firstName: string;
  lastName: string;
  alias: string;
  cpr: string;
  phone: string;
  ownGoals: string;
  lifeStory: string;
  focusAreas: FocusArea[];
  usualLocationIds: string[];
  usualPlaceNote: string;
}

export type CitizenFormErrors = FieldErrors<keyof CitizenFormValues>;

export const emptyCitizenForm: CitizenFormValues = {
  firstName: '',
  lastName: '',
  alias: '',
  cpr: '',
  phone: '',
  ownGoals: '',
  lifeStory: '',
  focusAreas: [],
  usualLocationIds: [],
  usualPlaceNote: '',
};

export function citizenToForm(c: Citizen): CitizenFormValues {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    alias: c.alias,
    cpr: c.cpr ?? '',
    phone: c.phone,
    ownGoals: c.ownGoals,
    lifeStory: c.lifeStory,
    focusAreas: [...c.focusAreas],
    usualLocationIds: [...c.usualLocationIds],
    usualPlaceNote: c.usualPlaceNote,
  };
}

/**
 * A new citizen's form prefilled from what was typed in a search: digits as the CPR number when
 * they are one (else as the phone), words as first name and last name.
 */
export function citizenFormFromQuery(query: string): CitizenFormValues {
  const text = query.trim();
  if (text === '') return emptyCitizenForm;
  if (/^[\d\s+()-]+$/.test(text)) {
    return parseCpr(text).ok
      ? { ...emptyCitizenForm, cpr: text }
      : { ...emptyCitizenForm, phone: text };
  }
  const [first = '', ...rest] = text.split(/\s+/);
  return { ...emptyCitizenForm, firstName: first, lastName: rest.join(' ') };
}

/** The form's fields (the rest of the record is not on it). */
const FORM_FIELDS = Object.keys(emptyCitizenForm) as (keyof CitizenFormValues)[];

/** Checks the form with the schema that will check the record, and its messages (see schemaFieldErrors). */
export function validateCitizenForm(v: CitizenFormValues): CitizenFormErrors {
  const parsed = CitizenFieldsSchema.safeParse({ ...formToFields(v), consents: [] });
  return parsed.success ? {} : schemaFieldErrors(parsed.error.issues, 'citizens', FORM_FIELDS);
}

/** The fields to write; an empty CPR is left out (cleared on update). */
export function formToFields(v: CitizenFormValues): Omit<CitizenFields, 'consents'> {
  const focus = FOCUS_AREAS.filter((f) => v.focusAreas.includes(f));
  const cpr = v.cpr.trim();
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    alias: v.alias.trim(),
    ...(cpr ? { cpr } : { cpr: undefined }),
    phone: v.phone.trim(),
    ownGoals: v.ownGoals,
    lifeStory: v.lifeStory,
    focusAreas: focus,
    usualLocationIds: v.usualLocationIds,
    usualPlaceNote: v.usualPlaceNote.trim(),
  };
}
