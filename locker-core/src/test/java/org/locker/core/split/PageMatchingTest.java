package org.locker.core.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.split.PageMatching.fold;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.UserId;
import org.locker.core.split.PageMatching.Matching;
import org.locker.core.split.PageMatching.Student;

/** The matching rules of decision 0024, page by page. */
class PageMatchingTest {

    static final Student EMMA = new Student(UserId.of("e.emma.martin"), "Emma", "Martin");
    static final Student EMMA_DUPONT = new Student(UserId.of("e.emma.martin2"), "Emma", "Martin-Dupont");
    static final Student LEO = new Student(UserId.of("e.leo.thomas"), "Léo", "Thomas");
    static final List<Student> CLASS = List.of(EMMA, EMMA_DUPONT, LEO);

    @Test
    void shouldMatchANameInEitherOrderWhateverItsAccentsCaseAndSpacing() {
        Matching matching = PageMatching.byText(
                CLASS, List.of("Élève : MARTIN   Emma\n6A", "leo thomas", "Thomas\nLéo", "Élève : Thomas Léonard"));

        assertThat(matching.pages().get(EMMA.id())).containsExactly(1);
        assertThat(matching.pages().get(LEO.id())).containsExactly(2, 3);
        // a longer first name is another person
        assertThat(matching.unmatched()).containsExactly(4);
    }

    @Test
    void shouldLeaveUnmatchedAPageWithNoStudentOrWithSeveral() {
        Matching matching =
                PageMatching.byText(CLASS, List.of("Annexe", "Emma Martin et Léo Thomas", "EMMA MARTIN-DUPONT"));

        assertThat(matching.unmatched()).containsExactly(1, 2);
        // "Emma Martin" found only inside "Emma Martin-Dupont" does not count
        assertThat(matching.pages().get(EMMA_DUPONT.id())).containsExactly(3);
        assertThat(matching.pages().get(EMMA.id())).isEmpty();
    }

    @Test
    void shouldPreferAnIdentifierToNames() {
        Matching matching = PageMatching.byText(CLASS, List.of("INE e.leo.thomas — copie de Emma Martin"));

        assertThat(matching.pages().get(LEO.id())).containsExactly(1);
    }

    @Test
    void shouldGiveFixedPagesInClassOrderOrRefuseACountThatDoesNotFit() {
        Matching matching = PageMatching.fixed(CLASS, 6, 2);

        assertThat(matching.pages().get(EMMA.id())).containsExactly(1, 2);
        assertThat(matching.pages().get(LEO.id())).containsExactly(5, 6);
        assertThatThrownBy(() -> PageMatching.fixed(CLASS, 7, 2))
                .isInstanceOfSatisfying(
                        SplitRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(SplitRefusal.Reason.SPLIT_PAGE_COUNT_MISMATCH));
        assertThatThrownBy(() -> PageMatching.fixed(CLASS, 3, 2)).isInstanceOf(SplitRefusal.class);
        assertThatThrownBy(() -> PageMatching.fixed(CLASS, 3, 0))
                .isInstanceOfSatisfying(
                        SplitRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(SplitRefusal.Reason.SPLIT_INVALID_PAGES_PER_STUDENT));
    }

    @Test
    void shouldGivePagesReadAgainToTheStudentNowFoundAndKeepEachStudentsPagesInOrder() {
        // pages 2 and 3 read quickly as "Mar tin" (a name drawn in pieces); read again, page 2 names Emma
        Matching quick = PageMatching.byText(CLASS, List.of("Martin Emma", "Mar tin Emma", "Annexe", "Martin Emma"));
        assertThat(quick.unmatched()).containsExactly(2, 3);

        Matching again = PageMatching.rematched(quick, CLASS, List.of(2, 3), List.of("Martin Emma", "Annexe"));

        assertThat(again.pages().get(EMMA.id())).containsExactly(1, 2, 4);
        assertThat(again.unmatched()).containsExactly(3);
        assertThat(quick.pages().get(EMMA.id()))
                .as("the first matching is left as it was")
                .containsExactly(1, 4);
    }

    @Test
    void shouldFoldAPageAsTheRuleSaysWhetherItIsPlainAsciiOrNot() {
        // the rule, as decision 0024 states it: accents off, lower case, any run of non-letters and non-digits one
        // space
        java.util.function.Function<String, String> rule =
                text -> java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}+", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                        .strip();
        for (String text : List.of(
                "Élève : MARTIN-Dupont  Emma\n6A",
                "Bulletin du 1er trimestre - page 1/3 Eleve : Nomaaa Prenomaaa - classe B1",
                "  x²  Ⅻ l’école ÆØÅ straße İstanbul\ttab__under",
                "",
                "---",
                "Zoé 😀 André")) {
            assertThat(PageMatching.fold(text)).as(text).isEqualTo(rule.apply(text));
        }
    }

    @Test
    void shouldMatchWordByWordExactlyAsSearchingEachStudentsNamesInThePageDoes() {
        // few words, so that pages often hold several students, names inside longer names, identifiers and halves
        List<String> words = List.of("Emma", "MARTIN", "Léo", "thomas", "Dupont", "Ana", "e", "1", "x");
        java.util.Random random = new java.util.Random(15);
        List<Student> students = new java.util.ArrayList<>();
        for (int s = 0; s < 40; s++) {
            String first = words.get(random.nextInt(words.size()));
            String last = random.nextInt(4) == 0
                    ? words.get(random.nextInt(words.size())) + "-" + words.get(random.nextInt(words.size()))
                    : words.get(random.nextInt(words.size()));
            String id = random.nextBoolean() ? "e." + fold(first) + "." + s : "e" + s;
            students.add(new Student(UserId.of(id), random.nextInt(20) == 0 ? "" : first, last));
        }
        List<String> pages = new java.util.ArrayList<>();
        for (int p = 0; p < 3_000; p++) {
            StringBuilder page = new StringBuilder();
            for (int w = random.nextInt(8); w > 0; w--) {
                String word = random.nextInt(6) == 0
                        ? students.get(random.nextInt(students.size())).id().value()
                        : words.get(random.nextInt(words.size()));
                page.append(word).append(random.nextBoolean() ? " " : " : ");
            }
            pages.add(page.toString());
        }

        Matching matching = PageMatching.byText(students, pages);

        Map<UserId, List<Integer>> expected = new java.util.LinkedHashMap<>();
        students.forEach(student -> expected.put(student.id(), new java.util.ArrayList<>()));
        List<Integer> unmatched = new java.util.ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            UserId owner = searched(students, pages.get(p));
            if (owner == null) {
                unmatched.add(p + 1);
            } else {
                expected.get(owner).add(p + 1);
            }
        }
        assertThat(matching.pages()).isEqualTo(expected);
        assertThat(matching.unmatched()).isEqualTo(unmatched);
        assertThat(unmatched).as("the pages draw every case").hasSizeBetween(300, 2_700);
    }

    /** Decision 0024's rule as it reads: each student's identifier, then names, searched in the folded page. */
    private static UserId searched(List<Student> students, String page) {
        String text = " " + fold(page) + " ";
        List<UserId> identified = students.stream()
                .filter(s -> !fold(s.id().value()).isEmpty() && text.contains(" " + fold(s.id().value()) + " "))
                .map(Student::id)
                .toList();
        if (identified.size() == 1) {
            return identified.get(0);
        }
        Map<UserId, String> found = new java.util.LinkedHashMap<>();
        for (Student s : students) {
            String first = fold(s.firstName());
            String last = fold(s.lastName());
            if (first.isEmpty() || last.isEmpty()) {
                continue;
            }
            for (String name : List.of(last + " " + first, first + " " + last)) {
                if (text.contains(" " + name + " ")) {
                    found.put(s.id(), name);
                    break;
                }
            }
        }
        List<UserId> kept = found.entrySet().stream()
                .filter(candidate -> found.entrySet().stream()
                        .noneMatch(other -> !other.getKey().equals(candidate.getKey())
                                && other.getValue().length()
                                        > candidate.getValue().length()
                                && (" " + other.getValue() + " ").contains(" " + candidate.getValue() + " ")))
                .map(Map.Entry::getKey)
                .toList();
        return kept.size() == 1 ? kept.get(0) : null;
    }
}
