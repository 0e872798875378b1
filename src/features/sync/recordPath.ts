import type { EntityName } from '../../domain';

/**
 * The screen that shows a record: its own page where it has one, else its citizen's page, else
 * the screen that lists its kind (places, visits).
 */
export function recordPath(entity: EntityName, id: string, citizenId?: string): string {
  switch (entity) {
    case 'citizen':
      return `/borgere/${id}`;
    case 'case':
      return `/sager/${id}`;
    case 'note':
      return `/notater/${id}`;
    case 'location':
    case 'scheduleSlot':
      return '/steder';
    case 'visit':
      return '/besoeg';
    case 'contact':
    case 'followUp':
    case 'handoverMark':
      return citizenId
        ? `/borgere/${citizenId}`
        : entity === 'contact'
          ? '/besoeg'
          : entity === 'followUp'
            ? '/opfoelgning'
            : '/journalisering';
  }
}
