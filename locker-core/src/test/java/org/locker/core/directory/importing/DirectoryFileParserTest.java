package org.locker.core.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

class DirectoryFileParserTest {

    private static final String HEADER =
            "type,id,label,profile,first_name,last_name,email,classes,children," + "delegate_of,password\n";
    private static final String CLASSES = "class,6A,Sixième A,,,,,,,,\nclass,5B,,,,,,,,,\n";

    private final DirectoryFileParser parser = new DirectoryFileParser();

    private DirectoryFileParser.Result parse(String text) {
        return parser.parse(new StringReader(text));
    }

    @Test
    void shouldReadTheDemoSchool() throws IOException {
        try (Reader reader = new InputStreamReader(
                getClass().getResourceAsStream("/org/locker/core/directory/demo-school.csv"), StandardCharsets.UTF_8)) {
            DirectoryFileParser.Result result = parser.parse(reader);

            assertThat(result.problems()).isEmpty();
            DirectoryFile file = result.file().orElseThrow();
            assertThat(file.classes()).hasSize(2);
            assertThat(file.persons()).hasSize(121);
            assertThat(file.persons().stream().filter(p -> p.person().profile() == Profile.GUARDIAN))
                    .hasSize(70);
            assertThat(file.persons().stream().filter(p -> p.person().isDelegate()))
                    .hasSize(2);
        }
    }

    @Test
    void shouldReadPersonsWithTheirStructure() {
        DirectoryFileParser.Result result = parse(HEADER + CLASSES
                + "person,T.Martin,,Teacher,Paul,Martin,paul@ecole.fr,6A|5B,,,secret\n"
                + "person,s.lea,,student,Léa,Dupont,,6a,,,\n"
                + "person,g.marc,,guardian,Marc,Dupont,marc@x.fr,,s.lea,6A,\n");

        assertThat(result.problems()).isEmpty();
        List<DirectoryFile.ImportedPerson> persons = result.file().orElseThrow().persons();
        assertThat(persons.get(0).person().id()).isEqualTo(UserId.of("t.martin"));
        assertThat(persons.get(0).person().classes()).containsExactly(ClassCode.of("6A"), ClassCode.of("5B"));
        assertThat(persons.get(0).password()).isEqualTo("secret");
        assertThat(persons.get(1).person().classes()).containsExactly(ClassCode.of("6A"));
        assertThat(persons.get(1).password()).isNull();
        assertThat(persons.get(2).person().children()).containsExactly(UserId.of("s.lea"));
        assertThat(persons.get(2).person().delegateOf()).containsExactly(ClassCode.of("6A"));
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertThat(parse("").problems()).extracting(ImportProblem::code).containsExactly("EMPTY_FILE");
        assertThat(parse("  \n\n").problems()).extracting(ImportProblem::code).containsExactly("EMPTY_FILE");
        assertThat(parse(HEADER).problems()).extracting(ImportProblem::code).containsExactly("EMPTY_FILE");
    }

    @Test
    void shouldNameEveryMissingColumn() {
        DirectoryFileParser.Result result = parse("type,id,profile,first_name,last_name,email\nclass,6A,,,,\n");

        assertThat(result.file()).isEmpty();
        assertThat(result.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(tuple(1L, "MISSING_COLUMN"), tuple(1L, "MISSING_COLUMN"), tuple(1L, "MISSING_COLUMN"));
        assertThat(result.problems().get(0).message()).contains("classes");
    }

    @Test
    void shouldRefuseUnknownColumns() {
        DirectoryFileParser.Result result = parse(HEADER.replace("password", "pasword") + CLASSES);

        assertThat(result.problems()).extracting(ImportProblem::code).containsExactly("UNKNOWN_COLUMN");
    }

    @Test
    void shouldGiveTheLineOfAnUnknownClass() {
        DirectoryFileParser.Result result =
                parse(HEADER + CLASSES + "person,t.martin,,teacher,Paul,Martin,,6A|4C,,,\n");

        assertThat(result.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(tuple(4L, "UNKNOWN_CLASS"));
        assertThat(result.problems().get(0).message()).contains("4C");
    }

    @Test
    void shouldRefuseDuplicateIdsWithBothLines() {
        DirectoryFileParser.Result result = parse(HEADER + CLASSES
                + "person,t.martin,,teacher,Paul,Martin,,6A,,,\n"
                + "\n"
                + "person,T.MARTIN,,staff,Pierre,Martin,,,,,\n"
                + "class,6a,,,,,,,,,\n");

        assertThat(result.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(tuple(6L, "DUPLICATE_ID"), tuple(7L, "DUPLICATE_ID"));
        assertThat(result.problems().get(0).message()).contains("line 4");
    }

    @Test
    void shouldRefuseAGuardianOfAnUnknownStudent() {
        DirectoryFileParser.Result result = parse(HEADER + CLASSES
                + "person,t.martin,,teacher,Paul,Martin,,6A,,,\n"
                + "person,g.marc,,guardian,Marc,Dupont,,,s.nobody|t.martin,,\n");

        assertThat(result.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(tuple(5L, "UNKNOWN_STUDENT"), tuple(5L, "UNKNOWN_STUDENT"));
    }

    @Test
    void shouldRefuseStructureThatDoesNotFitTheProfile() {
        DirectoryFileParser.Result result = parse(HEADER + CLASSES
                + "person,s.lea,,student,Léa,Dupont,,6A|5B,,,\n"
                + "person,s.tom,,student,Tom,Durand,,,,,\n"
                + "person,g.marc,,guardian,Marc,Dupont,,6A,,,\n"
                + "person,g.anne,,guardian,Anne,Durand,,,s.tom,6A,\n"
                + "person,t.rey,,teacher,Marc,Rey,,,s.tom,6A,\n"
                + "person,x.y,,wizard,X,Y,,,,,\n"
                + "person,a b,,staff,X,Y,,,,,\n"
                + "person,z.z,,staff,X,,not-an-email,,,,\n"
                + "group,6C,,,,,,,,,\n"
                + "person,locker-set-1,,staff,X,Y,,,,,\n");

        assertThat(result.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(
                        tuple(4L, "STUDENT_CLASS"),
                        tuple(5L, "STUDENT_CLASS"),
                        tuple(6L, "CLASSES_NOT_ALLOWED"),
                        tuple(6L, "GUARDIAN_WITHOUT_STUDENT"),
                        tuple(7L, "DELEGATE_WITHOUT_STUDENT"),
                        tuple(8L, "CHILDREN_NOT_ALLOWED"),
                        tuple(8L, "DELEGATE_NOT_ALLOWED"),
                        tuple(9L, "UNKNOWN_PROFILE"),
                        tuple(10L, "INVALID_ID"),
                        tuple(11L, "MISSING_NAME"),
                        tuple(11L, "INVALID_EMAIL"),
                        tuple(12L, "UNKNOWN_TYPE"),
                        tuple(13L, "RESERVED_ID"))
                .hasSize(13);
    }

    @Test
    void shouldRefuseAnUnclosedQuoteAsUnreadable() {
        DirectoryFileParser.Result result = parse(HEADER + CLASSES + "person,\"t.martin,,teacher,A,B,,,,,\n");

        assertThat(result.problems()).extracting(ImportProblem::code).containsExactly("UNREADABLE_FILE");
    }

    @Test
    void shouldRefuseThePlatformsReservedAccountsByLine() {
        DirectoryFileParser reserving = new DirectoryFileParser(
                id -> id.value().equals("admin") || id.value().equals("anonymous"));

        DirectoryFileParser.Result result = reserving.parse(new StringReader(HEADER + CLASSES
                + "person,t.martin,,teacher,Paul,Martin,,6A,,,\n"
                + "person,Admin,,administrator,A,Dmin,,,,,\n"
                + "person,anonymous,,staff,A,Nonymous,,,,,\n"));

        assertThat(result.file()).isEmpty();
        assertThat(result.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(tuple(5L, "RESERVED_ID"), tuple(6L, "RESERVED_ID"));
        assertThat(result.problems().get(0).message()).contains("'Admin'", "platform");
        assertThat(parser.parse(new StringReader(HEADER + CLASSES + "person,admin,,staff,A,Dmin,,,,,\n"))
                        .problems())
                .as("a parser without reserved accounts")
                .isEmpty();
    }

    @Test
    void shouldRefuseALineWithTheWrongNumberOfValues() {
        DirectoryFileParser.Result result = parse(HEADER + CLASSES + "person,t.martin,,teacher\n");

        assertThat(result.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(tuple(4L, "WRONG_COLUMN_COUNT"));
    }

    @Test
    void shouldRefuseNamesWithControlCharacters() {
        DirectoryFileParser.Result result =
                parse(HEADER + CLASSES + "person,t.martin,,teacher,\"Pa\u0007ul\",Martin,,,,,\n");

        assertThat(result.problems()).extracting(ImportProblem::code).containsExactly("INVALID_NAME");
    }

    @Test
    void shouldKeepMarkupAsText() {
        DirectoryFileParser.Result result =
                parse(HEADER + CLASSES + "person,t.martin,,teacher,<b>Paul</b>,\"<script>x</script>\",,,,,\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.file().orElseThrow().persons().get(0).person().lastName())
                .isEqualTo("<script>x</script>");
    }
}
