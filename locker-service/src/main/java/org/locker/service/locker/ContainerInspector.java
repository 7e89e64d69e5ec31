package org.locker.service.locker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.apache.poi.poifs.filesystem.Ole10NativeException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.locker.core.locker.DocumentNames;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.LockerRefusal.Reason;

/**
 * Looks inside containers (zip-based files, OLE2 compound files) for what Tika's type does not say: a program
 * (a Java manifest with a main class, classes, entries named as programs or scripts, one level of nested
 * archives and of embedded OLE packages), macros, and the parts the detected format requires. Bounded: at most
 * {@value #MAX_ENTRIES} entries, and at most {@value #MAX_NESTED_BYTES} bytes inflated to look into nested files.
 */
final class ContainerInspector {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_NESTED_BYTES = 64L * 1024 * 1024;
    private static final int MAX_MANIFEST_BYTES = 64 * 1024;
    private static final int MAX_OLE_DEPTH = 6;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    /** Storages that hold a VBA project: Word's, Excel's, and the generic ones. */
    private static final List<String> OLE2_MACRO_STORAGES =
            List.of("Macros", "_VBA_PROJECT_CUR", "VBA", "_VBA_PROJECT");

    /** What the inside of a file showed. */
    record Findings(Kind kind, List<String> entries, boolean macros, boolean firstEntryStored, String mimetypeEntry) {
        static final Findings NONE = new Findings(Kind.OTHER, List.of(), false, false, "");
    }

    enum Kind {
        ZIP,
        OLE2,
        OTHER
    }

    /**
     * Inspects the file: refuses programs ({@code EXECUTABLE_CONTENT}) and what is too large to inspect
     * ({@code ARCHIVE_TOO_LARGE}); {@code MALFORMED_DOCUMENT} when {@code office} (the detected type is an Office
     * or OpenDocument type) and the container cannot be read.
     */
    Findings inspect(Path file, boolean office) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(OLE2_MAGIC.length);
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return inspectOle2(file, office);
        }
        // any file with a zip directory, whatever its first bytes: a zip may be appended to other content
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return inspectZip(zip, new Budget());
        } catch (ZipException | IllegalArgumentException e) {
            // not a zip, or one with unreadable names
            if (office || startsWith(head, ZIP_MAGIC)) {
                throw new LockerRefusal(Reason.MALFORMED_DOCUMENT, "zip");
            }
            return Findings.NONE;
        }
    }

    /** Refuses ({@code MALFORMED_DOCUMENT}) an Office Open XML or OpenDocument file without its required parts. */
    void requireParts(Findings findings, String type) {
        Optional<String> mainPart = AcceptedTypes.officeOpenXmlMainPart(type);
        if (mainPart.isPresent()) {
            if (findings.kind() != Kind.ZIP
                    || !findings.entries().contains("[Content_Types].xml")
                    || !findings.entries().contains("_rels/.rels")
                    || !findings.entries().contains(mainPart.get())) {
                throw new LockerRefusal(Reason.MALFORMED_DOCUMENT, type);
            }
        } else if (AcceptedTypes.openDocument(type)) {
            // the OpenDocument package: first entry "mimetype", stored, naming the type; a manifest; the content
            if (findings.kind() != Kind.ZIP
                    || findings.entries().isEmpty()
                    || !findings.entries().get(0).equals("mimetype")
                    || !findings.firstEntryStored()
                    || !findings.mimetypeEntry().equalsIgnoreCase(type)
                    || !findings.entries().contains("META-INF/manifest.xml")
                    || !findings.entries().contains("content.xml")) {
                throw new LockerRefusal(Reason.MALFORMED_DOCUMENT, type);
            }
        } else if (AcceptedTypes.ole2(type)) {
            if (findings.kind() != Kind.OLE2) {
                throw new LockerRefusal(Reason.MALFORMED_DOCUMENT, type);
            }
        }
    }

    // ------------------------------------------------------------------ zip

    /** Bytes inflated to look into nested files, shared by a whole inspection. */
    private static final class Budget {
        long nestedBytes;
    }

    private Findings inspectZip(ZipFile zip, Budget budget) throws IOException {
        if (zip.size() > MAX_ENTRIES) {
            throw tooLarge();
        }
        List<String> names = new ArrayList<>();
        boolean macros = false;
        boolean firstStored = false;
        String mimetype = "";
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (names.size() >= MAX_ENTRIES) {
                throw tooLarge();
            }
            if (names.isEmpty()) {
                firstStored = entry.getMethod() == ZipEntry.STORED;
                if (name.equals("mimetype")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        mimetype = new String(in.readNBytes(256), java.nio.charset.StandardCharsets.US_ASCII).strip();
                    }
                }
            }
            names.add(name);
            refuseProgramName(name);
            String lower = name.toLowerCase(Locale.ROOT);
            // a VBA project in Office Open XML; Basic or script libraries in OpenDocument
            if (lower.endsWith("vbaproject.bin") || lower.startsWith("basic/") || lower.startsWith("scripts/")) {
                macros = true;
            }
            if (entry.isDirectory()) {
                continue;
            }
            if (lower.equals("meta-inf/manifest.mf")) {
                refuseMainClass(zip, entry);
            }
            inspectNested(zip, entry, budget);
        }
        return new Findings(Kind.ZIP, names, macros, firstStored, mimetype);
    }

    /** Every segment of the path counts: a macOS application is a folder ({@code Evil.app/Contents/...}). */
    private static void refuseProgramName(String entryName) {
        for (String segment : entryName.toLowerCase(Locale.ROOT).split("[/\\\\]")) {
            if (segment.endsWith(".class") || DocumentNames.isExecutable(segment)) {
                throw new LockerRefusal(Reason.EXECUTABLE_CONTENT, entryName);
            }
        }
    }

    /** A Java manifest naming a class to run makes the file a runnable program ({@code java -jar}). */
    private static void refuseMainClass(ZipFile zip, ZipEntry entry) throws IOException {
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = new Manifest(new java.io.ByteArrayInputStream(in.readNBytes(MAX_MANIFEST_BYTES)));
        } catch (IOException | RuntimeException e) {
            throw new LockerRefusal(Reason.EXECUTABLE_CONTENT, entry.getName());
        }
        Attributes main = manifest.getMainAttributes();
        if (main.getValue("Main-Class") != null || main.getValue("Launcher-Agent-Class") != null) {
            throw new LockerRefusal(Reason.EXECUTABLE_CONTENT, entry.getName());
        }
    }

    /** One level down: an archive or an OLE2 object inside the file is looked into for programs. */
    private void inspectNested(ZipFile zip, ZipEntry entry, Budget budget) throws IOException {
        byte[] head;
        try (InputStream in = zip.getInputStream(entry)) {
            head = in.readNBytes(OLE2_MAGIC.length);
        }
        boolean nestedZip = startsWith(head, ZIP_MAGIC);
        boolean nestedOle2 = startsWith(head, OLE2_MAGIC);
        if (!nestedZip && !nestedOle2) {
            return;
        }
        Path copy = Files.createTempFile("locker-nested-", ".bin");
        try {
            try (InputStream in = zip.getInputStream(entry);
                    OutputStream out = Files.newOutputStream(copy)) {
                long left = MAX_NESTED_BYTES - budget.nestedBytes;
                long copied = in.transferTo(new LimitedOutputStream(out, left));
                budget.nestedBytes += copied;
            }
            if (nestedZip) {
                try (ZipFile nested = new ZipFile(copy.toFile())) {
                    if (nested.size() > MAX_ENTRIES) {
                        throw tooLarge();
                    }
                    Enumeration<? extends ZipEntry> entries = nested.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry inner = entries.nextElement();
                        refuseProgramName(inner.getName());
                        if (!inner.isDirectory() && inner.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                            refuseMainClass(nested, inner);
                        }
                    }
                } catch (ZipException | IllegalArgumentException e) {
                    // not a readable archive: nothing a recipient could run from it
                }
            } else {
                try (POIFSFileSystem fs = new POIFSFileSystem(copy.toFile(), true)) {
                    refuseOlePackages(fs.getRoot(), 0);
                } catch (IOException | RuntimeException e) {
                    if (e instanceof LockerRefusal refusal) {
                        throw refusal;
                    }
                    // not a readable OLE2 object: nothing to unpack from it
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    // ------------------------------------------------------------------ OLE2

    private Findings inspectOle2(Path file, boolean office) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            boolean macros = OLE2_MACRO_STORAGES.stream().anyMatch(root::hasEntry);
            refuseOlePackages(root, 0);
            return new Findings(Kind.OLE2, List.of(), macros, false, "");
        } catch (IOException | RuntimeException e) {
            if (e instanceof LockerRefusal refusal) {
                throw refusal;
            }
            if (office) {
                throw new LockerRefusal(Reason.MALFORMED_DOCUMENT, "OLE2");
            }
            return Findings.NONE;
        }
    }

    /**
     * Embedded OLE packages (the "Package" object that wraps any file in a document, shown as an icon that runs
     * it on a double click): one naming a program or a script is refused.
     */
    private static void refuseOlePackages(DirectoryEntry directory, int depth) throws IOException {
        if (depth > MAX_OLE_DEPTH) {
            return;
        }
        if (directory.hasEntry(Ole10Native.OLE10_NATIVE) && directory instanceof DirectoryNode node) {
            try {
                Ole10Native packaged = Ole10Native.createFromEmbeddedOleObject(node);
                for (String name : Arrays.asList(packaged.getFileName(), packaged.getLabel(), packaged.getCommand())) {
                    if (name != null && DocumentNames.isExecutable(name.strip())) {
                        throw new LockerRefusal(Reason.EXECUTABLE_CONTENT, name.strip());
                    }
                }
            } catch (Ole10NativeException e) {
                // not a package object
            }
        }
        int count = 0;
        for (Entry entry : directory) {
            if (++count > MAX_ENTRIES) {
                throw tooLarge();
            }
            if (entry instanceof DirectoryEntry child) {
                refuseOlePackages(child, depth + 1);
            }
        }
    }

    private static LockerRefusal tooLarge() {
        return new LockerRefusal(Reason.ARCHIVE_TOO_LARGE, MAX_ENTRIES, MAX_NESTED_BYTES / (1024 * 1024));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** Refuses ({@code ARCHIVE_TOO_LARGE}) to write more than a limit. */
    private static final class LimitedOutputStream extends java.io.FilterOutputStream {
        private long left;

        LimitedOutputStream(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw tooLarge();
            }
            left -= len;
            out.write(b, off, len);
        }
    }
}
