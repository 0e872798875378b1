import { newId, type Consent } from '../../domain';
import type { MessageKey } from '../../i18n';

export interface ConsentFormValues {
  informationKinds: string;
  parties: string;
  purpose: string;
  givenOn: string;
  expiresOn: string;
  toldWhatRefusalMeans: boolean;
}

export type ConsentFormErrors = Partial<Record<keyof ConsentFormValues, MessageKey>>;

/** A specific consent needs what, with whom, why, when, and that the citizen knows they may refuse. */
export function validateConsent(v: ConsentFormValues): ConsentFormErrors {
  const errors: ConsentFormErrors = {};
  for (const k of ['informationKinds', 'parties', 'purpose', 'givenOn'] as const) {
    if (v[k].trim() === '') errors[k] = 'consents.required';
  }
  if (!v.toldWhatRefusalMeans) errors.toldWhatRefusalMeans = 'consents.toldRequired';
  return errors;
}

export function consentFromForm(v: ConsentFormValues): Consent {
  return {
    id: newId(),
    informationKinds: v.informationKinds.trim(),
    parties: v.parties.trim(),
    purpose: v.purpose.trim(),
    givenOn: v.givenOn,
    ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
    toldWhatRefusalMeans: v.toldWhatRefusalMeans,
  };
}
