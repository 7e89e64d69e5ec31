package org.locker.core.split;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locker.core.platform.UserId;

/**
 * How the pages of one PDF are matched to the students of a class (decision 0024), as pure functions.
 *
 * <ul>
 * <li>{@link #fixed}: the same number of pages per student, in class order; the page count must be exactly that
 * number times the class's students.</li>
 * <li>{@link #byText}: each page on its own. A page where exactly one student's identifier is found is theirs;
 * else a page where exactly one student's name is found ("Martin Emma" or "Emma Martin", accents, case, hyphens and
 * spacing aside) is theirs; any other page (no student, or several) is unmatched, for the depositor to assign or
 * discard. A page never continues the previous student's pages by itself: what goes to a family is what its name is
 * on, or what the depositor chose.</li>
 * </ul>
 */
final class PageMatching {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** A student of the class, as the directory lists them (class order: last name, first name). */
    record Student(UserId id, String firstName, String lastName) {}

    /** The pages (1-based, in order) of each student in class order, and those that matched nobody. */
    record Matching(Map<UserId, List<Integer>> pages, List<Integer> unmatched) {}

    private PageMatching() {}

    static Matching fixed(List<Student> students, int pageCount, int pagesPerStudent) {
        if (pagesPerStudent < 1) {
            throw new SplitRefusal(SplitRefusal.Reason.SPLIT_INVALID_PAGES_PER_STUDENT, pagesPerStudent);
        }
        long needed = (long) pagesPerStudent * students.size();
        if (needed != pageCount) {
            throw new SplitRefusal(
                    SplitRefusal.Reason.SPLIT_PAGE_COUNT_MISMATCH, pageCount, pagesPerStudent, students.size(), needed);
        }
        Map<UserId, List<Integer>> pages = new LinkedHashMap<>();
        int page = 1;
        for (Student student : students) {
            List<Integer> own = new ArrayList<>();
            for (int i = 0; i < pagesPerStudent; i++) {
                own.add(page++);
            }
            pages.put(student.id(), own);
        }
        return new Matching(pages, List.of());
    }

    static Matching byText(List<Student> students, List<String> pageTexts) {
        Keys keys = Keys.of(students);
        Map<UserId, List<Integer>> pages = new LinkedHashMap<>();
        students.forEach(student -> pages.put(student.id(), new ArrayList<>()));
        List<Integer> unmatched = new ArrayList<>();
        for (int i = 0; i < pageTexts.size(); i++) {
            UserId owner = keys.owner(pageTexts.get(i));
            if (owner == null) {
                unmatched.add(i + 1);
            } else {
                pages.get(owner).add(i + 1);
            }
        }
        return new Matching(pages, unmatched);
    }

    /**
     * The matching after some of its unmatched pages were read again ({@code texts}, in the order of {@code reread}):
     * those where one student is found now are theirs, the others stay unmatched.
     */
    static Matching rematched(Matching matching, List<Student> students, List<Integer> reread, List<String> texts) {
        Keys keys = Keys.of(students);
        Map<UserId, List<Integer>> pages = new LinkedHashMap<>();
        matching.pages().forEach((student, own) -> pages.put(student, new ArrayList<>(own)));
        List<Integer> unmatched = new ArrayList<>(matching.unmatched());
        for (int i = 0; i < reread.size(); i++) {
            UserId owner = keys.owner(texts.get(i));
            if (owner != null && unmatched.remove(reread.get(i))) {
                List<Integer> own = pages.get(owner);
                own.add(reread.get(i));
                own.sort(null);
            }
        }
        return new Matching(pages, unmatched);
    }

    /**
     * The students' identifiers and names as folded words, indexed by their first word: a page is read once, word by
     * word, instead of once per student (a class of 100 on 300 pages was 30,000 searches).
     */
    private static final class Keys {

        /** An identifier ({@code name} -1) or one of a student's names ({@code name} its rank: last first, first last). */
        private record Key(UserId student, String[] words, int name) {}

        private final Map<String, List<Key>> byFirstWord = new HashMap<>();

        static Keys of(List<Student> students) {
            Keys keys = new Keys();
            for (Student student : students) {
                keys.add(student.id(), fold(student.id().value()), -1);
                String first = fold(student.firstName());
                String last = fold(student.lastName());
                if (!first.isEmpty() && !last.isEmpty()) {
                    keys.add(student.id(), last + " " + first, 0);
                    keys.add(student.id(), first + " " + last, 1);
                }
            }
            return keys;
        }

        private void add(UserId student, String folded, int name) {
            if (!folded.isEmpty()) {
                String[] words = folded.split(" ");
                byFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>()).add(new Key(student, words, name));
            }
        }

        /** The one student a page's text is theirs by identifier, else by name; null for none or several. */
        UserId owner(String pageText) {
            String folded = fold(pageText);
            String[] words = folded.isEmpty() ? new String[0] : folded.split(" ");
            Set<UserId> identified = new LinkedHashSet<>();
            Map<UserId, Key> named = new LinkedHashMap<>();
            for (int at = 0; at < words.length; at++) {
                for (Key key : byFirstWord.getOrDefault(words[at], List.of())) {
                    if (startsAt(words, at, key.words())) {
                        if (key.name() < 0) {
                            identified.add(key.student());
                        } else {
                            named.merge(key.student(), key, (one, other) -> one.name() <= other.name() ? one : other);
                        }
                    }
                }
            }
            return identified.size() == 1 ? identified.iterator().next() : byName(named);
        }

        private static boolean startsAt(String[] words, int at, String[] key) {
            if (at + key.length > words.length) {
                return false;
            }
            for (int i = 1; i < key.length; i++) {
                if (!words[at + i].equals(key[i])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The one student whose name the page holds ({@code found}: each student found, with their first name found
         * in rank order); null for none or several. A name found only inside a longer name of another student found
         * on the page ("Emma Martin" in "Emma Martin Dupont") does not count.
         */
        private static UserId byName(Map<UserId, Key> found) {
            Map<UserId, String> names = new LinkedHashMap<>();
            found.forEach((student, key) -> names.put(student, String.join(" ", key.words())));
            List<UserId> kept = new ArrayList<>();
            for (Map.Entry<UserId, String> candidate : names.entrySet()) {
                boolean insideAnother = names.entrySet().stream()
                        .anyMatch(other -> !other.getKey().equals(candidate.getKey())
                                && other.getValue().length()
                                        > candidate.getValue().length()
                                && (" " + other.getValue() + " ").contains(" " + candidate.getValue() + " "));
                if (!insideAnother) {
                    kept.add(candidate.getKey());
                }
            }
            return kept.size() == 1 ? kept.get(0) : null;
        }
    }

    /** Lower case, accents removed, every run of other characters than letters and digits one space. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        // a page of plain ASCII (most generated report cards) has no accent to take off: no decomposition
        String plain = text.chars().allMatch(c -> c < 0x80)
                ? text
                : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        plain = plain.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(plain.length());
        boolean gap = false;
        for (int i = 0; i < plain.length(); ) {
            int c = plain.codePointAt(i);
            i += Character.charCount(c);
            if (isWordCharacter(c)) {
                if (gap && !folded.isEmpty()) {
                    folded.append(' ');
                }
                gap = false;
                folded.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return folded.toString();
    }

    /** A letter or a number ({@code \p{L}} or {@code \p{N}}). */
    private static boolean isWordCharacter(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
