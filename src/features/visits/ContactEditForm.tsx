import { useState, type FormEvent } from 'react';
import { contactsRepo } from '../../db/contacts';
import {
  CONTACT_TOPICS,
  SHORT_TEXT_MAX,
  type AgeGroup,
  type Contact,
  type ContactTopic,
  type Gender,
} from '../../domain';
import { useT } from '../../i18n';
import { FormActions } from '../../ui/FormActions';
import { TextField } from '../../ui/TextField';
import { AgeGroupToggles, GenderToggles, TopicToggles } from './ToggleGroup';
import { useSaveAction } from '../shared/useSaveAction';

/**
 * Corrects a contact of the open visit: an update mutation with only what changed, synced like
 * every write. A named contact's citizen is not swapped here (that would move it to another
 * citizen's record): the caseworker removes it and registers the right one.
 */
export function ContactEditForm({
  contact,
  heading,
  onDone,
}: {
  contact: Contact;
  heading: string;
  onDone: (saved: boolean) => void;
}) {
  const t = useT();
  const save = useSaveAction();
  const [ageGroup, setAgeGroup] = useState<AgeGroup>(contact.ageGroup);
  const [gender, setGender] = useState<Gender>(contact.gender);
  const [topics, setTopics] = useState<ContactTopic[]>(contact.topics);
  const [remark, setRemark] = useState(contact.remark);
  const anonymous = contact.kind === 'anonymous';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await save.run((ctx) =>
      contactsRepo.update(ctx, contact.id, {
        ...(anonymous ? { ageGroup, gender } : {}),
        topics: CONTACT_TOPICS.filter((c) => topics.includes(c)),
        remark,
      }),
    );
    if (ok) onDone(true);
  }

  return (
    <form className="form contact-edit" onSubmit={(e) => void submit(e)} aria-label={heading}>
      {anonymous ? (
        <>
          <AgeGroupToggles value={ageGroup} onChange={setAgeGroup} />
          <GenderToggles value={gender} onChange={setGender} />
        </>
      ) : (
        <p className="field-hint">{t('visits.contact.namedHint')}</p>
      )}
      <TopicToggles value={topics} onChange={setTopics} />
      <TextField
        label={t('visits.remark')}
        value={remark}
        onChange={setRemark}
        autoComplete="off"
        maxLength={SHORT_TEXT_MAX}
      />
      <FormActions
        error={save.error}
        busy={save.busy}
        saveLabel={t('common.save')}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
