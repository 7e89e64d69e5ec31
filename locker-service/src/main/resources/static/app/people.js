// Display names for the identifiers the API returns (depositors, receipts, participants). A comfort only:
// whatever cannot be looked up is shown as its identifier. Loaded once per page, when a screen first needs it.
import { get } from './api.js';

const names = new Map();
let loading = null;

async function load(me) {
  names.set(me.id, me.displayName);
  try {
    if (me.personnel || me.profile === 'administrator') {
      const lists = await Promise.all([...me.personnelProfiles, 'administrator', 'guardian', 'student']
        .map((profile) => get(`/directory/persons?profile=${profile}&limit=5000`)));
      lists.flat().forEach((person) => names.set(person.id, person.displayName));
    } else {
      (await get('/discussions/contacts')).forEach((contact) => names.set(contact.id, contact.displayName));
      if (me.profile === 'guardian') {
        const lists = await Promise.all(me.personnelProfiles
          .map((category) => get(`/lockers/candidates?category=${category}`)));
        lists.forEach((list) => list.persons.forEach((person) => names.set(person.id, person.displayName)));
      }
    }
  } catch {
    // identifiers stay readable
  }
}

export function loadPeople(me) {
  if (!loading) loading = load(me);
  return loading;
}

export function nameOf(id) {
  return names.get(id) || id;
}
