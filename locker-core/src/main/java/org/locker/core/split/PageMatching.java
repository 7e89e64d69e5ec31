package org.locker.core.split;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        List<Keys> keys = students.stream().map(Keys::of).toList();
        Map<UserId, List<Integer>> pages = new LinkedHashMap<>();
        students.forEach(student -> pages.put(student.id(), new ArrayList<>()));
        List<Integer> unmatched = new ArrayList<>();
        for (int i = 0; i < pageTexts.size(); i++) {
            UserId owner = owner(keys, pageTexts.get(i));
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
        List<Keys> keys = students.stream().map(Keys::of).toList();
        Map<UserId, List<Integer>> pages = new LinkedHashMap<>();
        matching.pages().forEach((student, own) -> pages.put(student, new ArrayList<>(own)));
        List<Integer> unmatched = new ArrayList<>(matching.unmatched());
        for (int i = 0; i < reread.size(); i++) {
            UserId owner = owner(keys, texts.get(i));
            if (owner != null && unmatched.remove(reread.get(i))) {
                List<Integer> own = pages.get(owner);
                own.add(reread.get(i));
                own.sort(null);
            }
        }
        return new Matching(pages, unmatched);
    }

    /** The one student a page's text is theirs by identifier, else by name; null for none or several. */
    private static UserId owner(List<Keys> keys, String pageText) {
        String text = " " + fold(pageText) + " ";
        UserId owner = byIdentifier(keys, text);
        return owner != null ? owner : byName(keys, text);
    }

    /** A student's identifier and names as a page's folded text holds them (folded once, not once per page). */
    private record Keys(UserId id, String identifier, List<String> names) {
        static Keys of(Student student) {
            String first = fold(student.firstName());
            String last = fold(student.lastName());
            List<String> names =
                    first.isEmpty() || last.isEmpty() ? List.of() : List.of(last + " " + first, first + " " + last);
            return new Keys(student.id(), fold(student.id().value()), names);
        }
    }

    /** The one student whose identifier the page holds as a whole word; null for none or several. */
    private static UserId byIdentifier(List<Keys> students, String text) {
        UserId found = null;
        for (Keys student : students) {
            if (!student.identifier().isEmpty() && text.contains(" " + student.identifier() + " ")) {
                if (found != null) {
                    return null;
                }
                found = student.id();
            }
        }
        return found;
    }

    /**
     * The one student whose name the page holds; null for none or several. A name found only inside a longer name
     * of another student found on the page ("Emma Martin" in "Emma Martin Dupont") does not count.
     */
    private static UserId byName(List<Keys> students, String text) {
        Map<UserId, String> found = new LinkedHashMap<>();
        for (Keys student : students) {
            for (String name : student.names()) {
                if (text.contains(" " + name + " ")) {
                    found.put(student.id(), name);
                    break;
                }
            }
        }
        List<UserId> kept = new ArrayList<>();
        for (Map.Entry<UserId, String> candidate : found.entrySet()) {
            boolean insideAnother = found.entrySet().stream()
                    .anyMatch(other -> !other.getKey().equals(candidate.getKey())
                            && other.getValue().length() > candidate.getValue().length()
                            && (" " + other.getValue() + " ").contains(" " + candidate.getValue() + " "));
            if (!insideAnother) {
                kept.add(candidate.getKey());
            }
        }
        return kept.size() == 1 ? kept.get(0) : null;
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
