import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CitizenFieldsSchema, FollowUpFieldsSchema, SHORT_TEXT_MAX } from '../../src/domain';
import { schemaFieldErrors } from '../../src/features/shared/schemaErrors';
import { signedInBeforeEach } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

const citizenIssues = (fields: Record<string, unknown>) => {
  const parsed = CitizenFieldsSchema.safeParse({ consents: [], ...fields });
  return parsed.success ? [] : parsed.error.issues;
};
const FIELDS = ['firstName', 'lastName', 'alias', 'cpr', 'phone'] as const;

describe('schemaFieldErrors: zod issues to catalog messages', () => {
  it.each([
    [{ firstName: '' }, 'firstName', { key: 'citizens.error.name-or-alias-required' }],
    [{ firstName: 'Jens', phone: 'abc' }, 'phone', { key: 'citizens.error.phone-format' }],
    [{ firstName: 'Jens', cpr: '12' }, 'cpr', { key: 'citizens.error.cpr-format' }],
    [{ firstName: 'Jens', cpr: '320190-1234' }, 'cpr', { key: 'citizens.error.cpr-date' }],
    [
      { firstName: 'J'.repeat(SHORT_TEXT_MAX + 1) },
      'firstName',
      { key: 'form.error.tooLong', params: { maximum: SHORT_TEXT_MAX } },
    ],
    [
      { firstName: 'Jens', phone: '1'.repeat(33) },
      'phone',
      { key: 'form.error.tooLong', params: { maximum: 32 } },
    ],
  ])('%j gives %s the message %j', (fields, field, message) => {
    expect(schemaFieldErrors(citizenIssues(fields), 'citizens', FIELDS)).toEqual({
      [field]: message,
    });
  });

  it('uses the field message of the area, then the generic one, and skips fields not on the form', () => {
    const parsed = FollowUpFieldsSchema.safeParse({ title: '', citizenId: '', dueOn: '' });
    const issues = parsed.success ? [] : parsed.error.issues;
    expect(schemaFieldErrors(issues, 'followUps', ['title', 'citizenId', 'dueOn'])).toEqual({
      title: { key: 'followUps.error.title' },
      citizenId: { key: 'followUps.error.citizenId' },
      dueOn: { key: 'followUps.error.dueOn' },
    });
    expect(schemaFieldErrors(issues, 'notes', ['title'])).toEqual({
      title: { key: 'form.error.required' },
    });
  });
});

describe('the citizen form', () => {
  signedInBeforeEach();

  it('says what the schema would refuse, field by field, before saving', async () => {
    const { user } = renderApp('/borgere/ny');
    const first = await screen.findByLabelText('Fornavn');
    await user.click(first);
    await user.paste('J'.repeat(SHORT_TEXT_MAX + 1));
    await user.type(screen.getByLabelText('Telefon'), 'ring til Jens');
    await user.click(screen.getByRole('button', { name: 'Gem borger' }));
    expect(await screen.findByText('Højst 200 tegn.')).toBeTruthy();
    expect(
      screen.getByText('Telefonnummeret må kun indeholde tal, mellemrum, +, - og parenteser.'),
    ).toBeTruthy();
    expect(first.getAttribute('aria-invalid')).toBe('true');
  });
});
