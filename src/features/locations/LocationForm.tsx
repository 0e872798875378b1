import { useId, useState, type FormEvent } from 'react';
import { locationsRepo } from '../../db/locations';
import { LOCATION_KINDS, type Location, type LocationKind } from '../../domain';
import { useT } from '../../i18n';
import { browserMemory } from '../../ui/browserMemory';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useSaveAction } from '../shared/useSaveAction';

/** Create or edit a location: drop-in centre, shelter, street spot. */
export function LocationForm({ location, onDone }: { location?: Location; onDone: () => void }) {
  const t = useT();
  const activeId = useId();
  const save = useSaveAction();
  const [name, setName] = useState(location?.name ?? '');
  const [kind, setKind] = useState<LocationKind>(location?.kind ?? 'vaerested');
  const [address, setAddress] = useState(location?.address ?? '');
  const [description, setDescription] = useState(location?.description ?? '');
  const [active, setActive] = useState(location?.active ?? true);
  const [nameError, setNameError] = useState<string | undefined>(undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') {
      setNameError(t('locations.error.name'));
      return;
    }
    setNameError(undefined);
    const fields = { name: name.trim(), kind, address: address.trim(), description, active };
    const ok = await save.run((ctx) =>
      location ? locationsRepo.update(ctx, location.id, fields) : locationsRepo.create(ctx, fields),
    );
    if (ok) onDone();
  }

  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('locations.field.name')}
        value={name}
        onChange={setName}
        error={nameError}
      />
      <SelectField
        label={t('locations.field.kind')}
        value={kind}
        onChange={(v) => setKind(v as LocationKind)}
        options={LOCATION_KINDS.map((k) => ({ value: k, label: t(`locations.kind.${k}`) }))}
      />
      <TextField label={t('locations.field.address')} value={address} onChange={setAddress} />
      <TextAreaField
        label={t('locations.field.description')}
        value={description}
        onChange={setDescription}
        rows={3}
      />
      <div className="checkbox">
        <input
          id={activeId}
          type="checkbox"
          {...browserMemory()}
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
        <label htmlFor={activeId}>{t('locations.field.active')}</label>
      </div>
      <FormActions
        error={save.error}
        busy={save.busy}
        saveLabel={t('locations.save')}
        onCancel={onDone}
      />
    </form>
  );
}
