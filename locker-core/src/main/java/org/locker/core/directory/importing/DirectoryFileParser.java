package org.locker.core.directory.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolClass;
import org.locker.core.platform.UserId;

/**
 * Over 400 lines as formatted, one concern: the import format's rules, field by field, each with its problem. Reads
 * the directory import format (docs/import-format.md): a CSV file with a header, one class or person a
 * line. Every problem is collected with its line number, so that one report lists them all.
 */
public final class DirectoryFileParser {

    static final List<String> REQUIRED_COLUMNS =
            List.of("type", "id", "profile", "first_name", "last_name", "email", "classes", "children", "delegate_of");
    static final List<String> OPTIONAL_COLUMNS = List.of("label", "password");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_NAME = 100;

    /** The largest file accepted, in characters: far above what an establishment's directory needs. */
    public static final int MAX_CHARACTERS = 20_000_000;

    private final Predicate<UserId> reservedAccounts;

    /** A parser for which only the engine's own names ({@code locker-...}) are reserved. */
    public DirectoryFileParser() {
        this(user -> false);
    }

    /**
     * A parser that also refuses the platform's reserved accounts (its superuser, guest, system and service
     * accounts: {@link org.locker.core.platform.ContentPlatform#isReserved}).
     */
    public DirectoryFileParser(Predicate<UserId> reservedAccounts) {
        this.reservedAccounts = java.util.Objects.requireNonNull(reservedAccounts, "reservedAccounts");
    }

    /** Parses and validates; the result holds either a file or problems, never both. */
    public Result parse(Reader reader) {
        String text;
        try {
            text = readLimited(reader);
        } catch (IOException e) {
            return Result.failed(
                    List.of(new ImportProblem(0, "UNREADABLE_FILE", "the file could not be read: " + e.getMessage())));
        }
        if (text == null) {
            return Result.failed(List.of(new ImportProblem(
                    0, "FILE_TOO_LARGE", "the file is larger than " + MAX_CHARACTERS + " characters")));
        }
        if (text.isBlank()) {
            return Result.failed(List.of(new ImportProblem(0, "EMPTY_FILE", "the file is empty")));
        }
        if (!text.endsWith("\n")) {
            // every record then ends with a line break, so the parser's line count is the record's line
            text = text + "\n";
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<NumberedRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(false)
                .get()
                .parse(new java.io.StringReader(text))) {
            Set<String> header = new LinkedHashSet<>();
            parser.getHeaderNames()
                    .forEach(h -> header.add(h.toLowerCase(Locale.ROOT).replace("\uFEFF", "")));
            if (header.isEmpty()) {
                return Result.failed(List.of(new ImportProblem(0, "EMPTY_FILE", "the file is empty")));
            }
            for (String column : REQUIRED_COLUMNS) {
                if (!header.contains(column)) {
                    problems.add(new ImportProblem(
                            1,
                            "MISSING_COLUMN",
                            "the header lacks the column '" + column + "'; required: "
                                    + String.join(",", REQUIRED_COLUMNS)));
                }
            }
            for (String column : header) {
                if (!REQUIRED_COLUMNS.contains(column) && !OPTIONAL_COLUMNS.contains(column)) {
                    problems.add(new ImportProblem(1, "UNKNOWN_COLUMN", "unknown column '" + column + "'"));
                }
            }
            if (!problems.isEmpty()) {
                return Result.failed(problems);
            }
            for (CSVRecord record : parser) {
                records.add(new NumberedRecord(parser.getCurrentLineNumber(), record));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.contains("header") && message.toLowerCase(Locale.ROOT).contains("duplicate")) {
                return Result.failed(List.of(new ImportProblem(1, "DUPLICATE_COLUMN", message)));
            }
            return Result.failed(
                    List.of(new ImportProblem(0, "UNREADABLE_FILE", "the file is not valid CSV: " + message)));
        }
        if (records.isEmpty()) {
            return Result.failed(List.of(new ImportProblem(0, "EMPTY_FILE", "the file has a header but no line")));
        }
        return new Validation(records, reservedAccounts).run();
    }

    private static String readLimited(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int read;
        while ((read = reader.read(buffer)) != -1) {
            text.append(buffer, 0, read);
            if (text.length() > MAX_CHARACTERS) {
                return null;
            }
        }
        return text.toString();
    }

    private record NumberedRecord(long line, CSVRecord record) {}

    /** Either a valid file or the problems found. */
    public record Result(Optional<DirectoryFile> file, List<ImportProblem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }

        static Result failed(List<ImportProblem> problems) {
            return new Result(Optional.empty(), problems);
        }
    }

    private static final class Validation {
        private final List<NumberedRecord> records;
        private final List<ImportProblem> problems = new ArrayList<>();
        private final Map<ClassCode, SchoolClass> classes = new LinkedHashMap<>();
        private final Map<String, Long> idLines = new HashMap<>();
        private final List<PendingPerson> pending = new ArrayList<>();
        private final Predicate<UserId> reservedAccounts;

        Validation(List<NumberedRecord> records, Predicate<UserId> reservedAccounts) {
            this.records = records;
            this.reservedAccounts = reservedAccounts;
        }

        Result run() {
            for (NumberedRecord numbered : records) {
                CSVRecord record = numbered.record();
                long line = numbered.line();
                if (!record.isConsistent()) {
                    problem(line, "WRONG_COLUMN_COUNT", "the line has " + record.size() + " values, unlike the header");
                    continue;
                }
                String type = value(record, "type").toLowerCase(Locale.ROOT);
                switch (type) {
                    case "class" -> readClass(record, line);
                    case "person" -> readPerson(record, line);
                    default -> problem(line, "UNKNOWN_TYPE", "type must be 'class' or 'person', not '" + type + "'");
                }
            }
            List<DirectoryFile.ImportedPerson> persons = resolvePersons();
            if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparingLong(ImportProblem::line));
                return Result.failed(problems);
            }
            return new Result(Optional.of(new DirectoryFile(List.copyOf(classes.values()), persons)), List.of());
        }

        private void readClass(CSVRecord record, long line) {
            String id = value(record, "id");
            if (!ClassCode.isValid(id)) {
                problem(
                        line,
                        "INVALID_CLASS_CODE",
                        "'" + id + "' is not a valid class code (letters, digits," + " '-' and '_', at most 20)");
                return;
            }
            if (!claimId("class:" + id.toLowerCase(Locale.ROOT), line)) {
                return;
            }
            String label = value(record, "label");
            if (label.length() > MAX_NAME || hasControlCharacters(label)) {
                problem(
                        line,
                        "INVALID_NAME",
                        "the class label is longer than " + MAX_NAME + " characters or has control characters");
                return;
            }
            ClassCode code = ClassCode.of(id);
            classes.put(code, new SchoolClass(code, label));
        }

        private void readPerson(CSVRecord record, long line) {
            String id = value(record, "id").toLowerCase(Locale.ROOT);
            if (!UserId.isValid(id)) {
                problem(
                        line,
                        "INVALID_ID",
                        "'" + value(record, "id") + "' is not a valid person id (letters,"
                                + " digits, '.', '-', '_', '@')");
                return;
            }
            if (id.startsWith("locker-")) {
                // the names of the engine's own groups and recipient sets, which share the principals' namespace
                problem(line, "RESERVED_ID", "'" + value(record, "id") + "' starts with 'locker-', which is reserved");
                return;
            }
            if (reservedAccounts.test(UserId.of(id))) {
                // the platform's superuser, guest, system or service account: giving it a profile would make a
                // locker user whose platform session bypasses every permission
                problem(
                        line,
                        "RESERVED_ID",
                        "'" + value(record, "id") + "' is an account of the platform itself"
                                + " (administrator, guest, system or service account), never a locker user");
                return;
            }
            if (!claimId("person:" + id, line)) {
                return;
            }
            Optional<Profile> profile = Profile.fromCode(value(record, "profile"));
            if (profile.isEmpty()) {
                problem(
                        line,
                        "UNKNOWN_PROFILE",
                        "unknown profile '" + value(record, "profile") + "'; expected"
                                + " one of teacher, staff, counselor, guardian, student, administrator");
                return;
            }
            String firstName = value(record, "first_name");
            String lastName = value(record, "last_name");
            if (lastName.isEmpty()) {
                problem(line, "MISSING_NAME", "last_name is required");
            }
            for (String name : List.of(firstName, lastName)) {
                if (name.length() > MAX_NAME || hasControlCharacters(name)) {
                    problem(
                            line,
                            "INVALID_NAME",
                            "names are at most " + MAX_NAME + " characters, without control characters");
                }
            }
            String email = value(record, "email");
            if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
                problem(line, "INVALID_EMAIL", "'" + email + "' is not an e-mail address");
            }
            String password = record.isMapped("password") ? value(record, "password") : "";
            pending.add(new PendingPerson(
                    line,
                    UserId.of(id),
                    profile.get(),
                    firstName,
                    lastName,
                    email,
                    list(record, "classes"),
                    list(record, "children"),
                    list(record, "delegate_of"),
                    password.isEmpty() ? null : password));
        }

        private List<DirectoryFile.ImportedPerson> resolvePersons() {
            Map<UserId, PendingPerson> byId = new HashMap<>();
            pending.forEach(p -> byId.put(p.id, p));
            List<DirectoryFile.ImportedPerson> result = new ArrayList<>();
            for (PendingPerson p : pending) {
                List<ClassCode> classCodes = classCodes(p.line, "classes", p.classes);
                List<ClassCode> delegateOf = classCodes(p.line, "delegate_of", p.delegateOf);
                List<UserId> children = new ArrayList<>();
                switch (p.profile) {
                    case STUDENT -> {
                        if (p.classes.size() != 1) {
                            problem(p.line, "STUDENT_CLASS", "a student belongs to exactly one class");
                        }
                    }
                    case TEACHER, STAFF -> {}
                    default -> {
                        if (!p.classes.isEmpty()) {
                            problem(
                                    p.line,
                                    "CLASSES_NOT_ALLOWED",
                                    "only students, teachers and staff have" + " classes");
                        }
                    }
                }
                if (p.profile == Profile.GUARDIAN) {
                    if (p.children.isEmpty()) {
                        problem(
                                p.line,
                                "GUARDIAN_WITHOUT_STUDENT",
                                "a guardian needs at least one student in" + " 'children'");
                    }
                    for (String child : p.children) {
                        PendingPerson student = UserId.isValid(child.toLowerCase(Locale.ROOT))
                                ? byId.get(UserId.of(child.toLowerCase(Locale.ROOT)))
                                : null;
                        if (student == null || student.profile != Profile.STUDENT) {
                            problem(p.line, "UNKNOWN_STUDENT", "'" + child + "' is not a student of this file");
                        } else {
                            children.add(student.id);
                        }
                    }
                    Set<String> childClasses = new LinkedHashSet<>();
                    for (UserId child : children) {
                        byId.get(child).classes.forEach(c -> childClasses.add(c.toLowerCase(Locale.ROOT)));
                    }
                    for (ClassCode delegated : delegateOf) {
                        if (!childClasses.contains(delegated.value().toLowerCase(Locale.ROOT))) {
                            problem(
                                    p.line,
                                    "DELEGATE_WITHOUT_STUDENT",
                                    "a delegate of " + delegated + " must be the guardian of a student of that class");
                        }
                    }
                } else {
                    if (!p.children.isEmpty()) {
                        problem(p.line, "CHILDREN_NOT_ALLOWED", "only guardians have children");
                    }
                    if (!p.delegateOf.isEmpty()) {
                        problem(p.line, "DELEGATE_NOT_ALLOWED", "only guardians can be delegates");
                    }
                }
                Person person =
                        new Person(p.id, p.profile, p.firstName, p.lastName, p.email, classCodes, children, delegateOf);
                result.add(new DirectoryFile.ImportedPerson(person, p.password));
            }
            return result;
        }

        private List<ClassCode> classCodes(long line, String column, List<String> values) {
            List<ClassCode> codes = new ArrayList<>();
            for (String value : values) {
                Optional<ClassCode> known = classes.keySet().stream()
                        .filter(c -> c.value().equalsIgnoreCase(value))
                        .findFirst();
                if (known.isEmpty()) {
                    problem(
                            line,
                            "UNKNOWN_CLASS",
                            "class '" + value + "' in " + column + " is not declared in this file");
                } else if (!codes.contains(known.get())) {
                    codes.add(known.get());
                }
            }
            return codes;
        }

        private boolean claimId(String key, long line) {
            Long first = idLines.putIfAbsent(key, line);
            if (first != null) {
                problem(
                        line,
                        "DUPLICATE_ID",
                        "'" + key.substring(key.indexOf(':') + 1) + "' is already defined on line " + first);
                return false;
            }
            return true;
        }

        private void problem(long line, String code, String message) {
            problems.add(new ImportProblem(line, code, message));
        }

        private static String value(CSVRecord record, String column) {
            String value = record.isSet(column) ? record.get(column) : "";
            return value == null ? "" : value.trim();
        }

        private static List<String> list(CSVRecord record, String column) {
            String value = value(record, column);
            if (value.isEmpty()) {
                return List.of();
            }
            return Arrays.stream(value.split("\\|"))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        private static boolean hasControlCharacters(String value) {
            return value.chars().anyMatch(Character::isISOControl);
        }
    }

    private record PendingPerson(
            long line,
            UserId id,
            Profile profile,
            String firstName,
            String lastName,
            String email,
            List<String> classes,
            List<String> children,
            List<String> delegateOf,
            String password) {}
}
