// People as the app shows them: by name, with their context ("Sophie Martin, guardian of Emma Martin (6A)",
// "Emma Martin (6A)", "Paul Girard, teacher (6A, 5B)"), never by their identifier. The context is the API's: a
// person's classes (for a family, only the classes it shares) and, for the establishment only, a guardian's
// children with their classes. Loaded once per page, when a screen first needs it; lists the screens load
// themselves (candidates, contacts) are remembered too.
import { get } from './api.js';
import { lang, t } from './i18n.js';

/** id -> { id, profile, displayName, classes, guardianOf } */
const people = new Map();
let loading = null;

/** Keeps the richest view of a person (a list with context wins over a bare one). */
function remember(person) {
  if (!person || !person.id) return;
  const known = people.get(person.id);
  people.set(person.id, {
    ...known,
    ...person,
    classes: person.classes?.length ? person.classes : known?.classes || [],
    guardianOf: person.guardianOf?.length ? person.guardianOf : known?.guardianOf || [],
  });
}

/** Lists a screen loaded itself (candidates, contacts): known afterwards by {@link describe} everywhere. */
export function rememberPeople(list) {
  (list || []).forEach(remember);
}

async function load(me) {
  remember({ id: me.id, profile: me.profile, displayName: me.displayName, classes: me.classes || [] });
  try {
    if (me.personnel || me.profile === 'administrator') {
      const lists = await Promise.all([...me.personnelProfiles, 'administrator', 'guardian', 'student']
        .map((profile) => get(`/directory/persons?profile=${profile}&limit=5000`)));
      lists.flat().forEach(remember);
    } else {
      (await get('/discussions/contacts')).forEach(remember);
      if (me.profile === 'guardian') {
        const lists = await Promise.all(me.personnelProfiles
          .map((category) => get(`/lockers/candidates?category=${category}`)));
        lists.forEach((list) => list.persons.forEach(remember));
      }
    }
  } catch {
    // names of people not loaded read as "someone not in the directory"
  }
}

export function loadPeople(me) {
  if (!loading) loading = load(me);
  return loading;
}

/** A person's name, or a sentence when they are unknown here (never their identifier). */
export function nameOf(id) {
  return people.get(id)?.displayName || t('people.unknown');
}

export function personOf(id) {
  return people.get(id);
}

/** Every person known on this page. */
export function knownPeople() {
  return [...people.values()];
}

/** A guardian's child by name and class ("Emma Martin (6A)"), as the API gives it (displayName, classes). */
export function describeChild(child) {
  return withClasses(child.displayName, child.classes);
}

/** "Emma Martin (6A)". */
function withClasses(name, classes) {
  return classes?.length ? `${name} (${classes.join(', ')})` : name;
}

/** French elides "de" before a vowel or a mute h: "responsable d’Emma Martin", "responsable de Léo Thomas". */
function startsWithVowel(text) {
  return /^[aeiouyh]/i.test(text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}

/**
 * One person with their context, in the page's language:
 * "Sophie Martin, guardian of Emma Martin (6A)" (the establishment; families see "Sophie Martin, guardian"),
 * "Emma Martin (6A)", "Paul Girard, teacher (6A, 5B)".
 */
export function describePerson(person) {
  if (!person) return t('people.unknown');
  const name = person.displayName || t('people.unknown');
  const classes = person.classes || [];
  if (person.profile === 'student') return withClasses(name, classes);
  if (person.profile === 'guardian' && person.guardianOf?.length) {
    const children = person.guardianOf.map((child) => withClasses(child.displayName, child.classes))
      .join(t('people.and'));
    const key = lang() === 'fr' && startsWithVowel(children) ? 'people.guardianOfVowel' : 'people.guardianOf';
    return t(key, { name, children });
  }
  if (!person.profile) return name;
  const role = t(`profile.${person.profile}`);
  return classes.length ? t('people.roleInClasses', { name, role, classes: classes.join(', ') })
    : t('people.role', { name, role });
}

/** {@link describePerson} of an identifier the API returned (a depositor, a recipient, a participant). */
export function describe(id) {
  const person = people.get(id);
  return person ? describePerson(person) : t('people.unknown');
}

/** The classes a person is placed in for grouping: theirs, or a guardian's children's. */
export function classesOf(person) {
  if (person.classes?.length) return person.classes;
  return [...new Set((person.guardianOf || []).flatMap((child) => child.classes || []))];
}

function folded(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
}

/**
 * The person a typed name designates among {@code candidates} (their described label or their name, accents and
 * case aside): their id, or null when nobody or several people answer to it.
 */
export function findByName(text, candidates = knownPeople()) {
  const wanted = folded(text);
  if (!wanted) return null;
  const byLabel = candidates.filter((p) => folded(describePerson(p)) === wanted);
  if (byLabel.length === 1) return byLabel[0].id;
  const byName = candidates.filter((p) => folded(p.displayName || '') === wanted);
  return byName.length === 1 ? byName[0].id : null;
}
