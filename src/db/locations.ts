import type { Location, LocationInput } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const locationsRepo = entityRepository<Location, LocationInput>('location');

export async function listLocations(): Promise<Location[]> {
  const all = await db.locations.toArray();
  return all.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
