import { useState } from 'react';
import { contactsRepo } from '../../db/contacts';
import { nowIso } from '../../db/writeContext';
import {
  CONTACT_TOPICS,
  SHORT_TEXT_MAX,
  type AgeGroup,
  type ContactTopic,
  type Gender,
  type Visit,
} from '../../domain';
import { useT } from '../../i18n';
import { Alert, StatusMessage } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { AgeGroupToggles, GenderToggles, TopicToggles } from './ToggleGroup';
import { useSaveAction } from '../shared/useSaveAction';

/**
 * Most contacts are short and anonymous: one tap per choice, one tap to register (age and gender
 * default to "ukendt"), with an optional one-line note. Nothing identifying is stored.
 */
export function AnonymousContactForm({ visit }: { visit: Visit }) {
  const t = useT();
  const save = useSaveAction();
  const [ageGroup, setAgeGroup] = useState<AgeGroup>('unknown');
  const [gender, setGender] = useState<Gender>('ukendt');
  const [topics, setTopics] = useState<ContactTopic[]>([]);
  const [remark, setRemark] = useState('');
  const [saved, setSaved] = useState(0);

  async function register() {
    const ok = await save.run((ctx) =>
      contactsRepo.create(ctx, {
        visitId: visit.id,
        locationId: visit.locationId,
        at: nowIso(ctx),
        kind: 'anonymous',
        ageGroup,
        gender,
        topics: CONTACT_TOPICS.filter((c) => topics.includes(c)),
        remark,
      }),
    );
    if (ok) {
      setAgeGroup('unknown');
      setGender('ukendt');
      setTopics([]);
      setRemark('');
      setSaved((n) => n + 1);
    }
  }

  return (
    <section aria-labelledby="anon-heading" className="section quick">
      <h2 id="anon-heading">{t('visits.anon.heading')}</h2>
      <p className="field-hint">{t('visits.anon.hint')}</p>
      <AgeGroupToggles value={ageGroup} onChange={setAgeGroup} />
      <GenderToggles value={gender} onChange={setGender} />
      <TopicToggles value={topics} onChange={setTopics} />
      <TextField
        label={t('visits.remark')}
        value={remark}
        onChange={setRemark}
        autoComplete="off"
        maxLength={SHORT_TEXT_MAX}
      />
      {save.error && <Alert>{save.error}</Alert>}
      <button
        type="button"
        className="primary big"
        disabled={save.busy}
        onClick={() => void register()}
      >
        {t('visits.anon.submit')}
      </button>
      <StatusMessage>{saved > 0 ? t('visits.anon.saved') : ''}</StatusMessage>
    </section>
  );
}
