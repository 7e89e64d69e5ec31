package org.locker.service.locker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Files built in the tests, legitimate and hostile: minimal but real Office Open XML and OpenDocument packages,
 * OLE2 compound files, Java archives, zips of programs.
 */
final class TestFiles {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String ODT = "application/vnd.oasis.opendocument.text";

    private TestFiles() {}

    /** A zip of the given entries (name → content), in that order, deflated. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if (entry.getValue().length == 0) {
                    // stored: no data descriptor, so that many entries stay small
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(0);
                    zipEntry.setCrc(0);
                }
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String contentTypes(String mainPart, String mainType) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainType + "\"/></Types>";
    }

    private static String rels(String mainPart) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"" + mainPart + "\"/></Relationships>";
    }

    /** The parts of an Office Open XML package: content types, package relationships, the main part. */
    static Map<String, byte[]> officeParts(String mainPart, String mainType, String mainXml) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8(contentTypes(mainPart, mainType)));
        parts.put("_rels/.rels", utf8(rels(mainPart)));
        parts.put(mainPart, utf8(mainXml));
        return parts;
    }

    static Map<String, byte[]> docxParts() {
        return officeParts(
                "word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>Bulletin</w:t></w:r></w:p></w:body></w:document>");
    }

    static byte[] docx() {
        return zip(docxParts());
    }

    static byte[] xlsx() {
        return zip(officeParts(
                "xl/workbook.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                workbook()));
    }

    static byte[] pptx() {
        return zip(officeParts(
                "ppt/presentation.xml",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
                "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>"));
    }

    private static String workbook() {
        return "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>";
    }

    /** A macro-enabled package: its main part typed as such, and a VBA project. */
    static byte[] xlsm() {
        return macroEnabled(
                "xl/workbook.xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                workbook(),
                "xl/vbaProject.bin");
    }

    static byte[] xlam() {
        return macroEnabled(
                "xl/workbook.xml",
                "application/vnd.ms-excel.addin.macroEnabled.main+xml",
                workbook(),
                "xl/vbaProject.bin");
    }

    static byte[] pptm() {
        return macroEnabled(
                "ppt/presentation.xml",
                "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
                "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>",
                "ppt/vbaProject.bin");
    }

    static byte[] docm() {
        return macroEnabled(
                "word/document.xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>",
                "word/vbaProject.bin");
    }

    private static byte[] macroEnabled(String mainPart, String mainType, String mainXml, String vbaPart) {
        Map<String, byte[]> parts = officeParts(mainPart, mainType, mainXml);
        parts.put(vbaPart, new byte[] {1, 2, 3, 4});
        return zip(parts);
    }

    /** A minimal OpenDocument text: "mimetype" first and stored, a manifest, the content. */
    static byte[] odt() {
        return odf(true);
    }

    /** An OpenDocument text whose "mimetype" entry is not first: not a valid package. */
    static byte[] odtMimetypeNotFirst() {
        return odf(false);
    }

    private static byte[] odf(boolean mimetypeFirst) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (!mimetypeFirst) {
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write(utf8("<office:document-content/>"));
                zip.closeEntry();
            }
            byte[] type = utf8(ODT);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(utf8("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + ODT + "\"/>"
                    + "</manifest:manifest>"));
            zip.closeEntry();
            if (mimetypeFirst) {
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write(utf8("<office:document-content/>"));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A runnable Java archive whose first entry is [Content_Types].xml (so that magic bytes and streaming
     * detection take it for an Office document): {@code java -jar} runs its main class.
     */
    static byte[] runnableJarLookingLikeOffice() {
        Map<String, byte[]> parts = docxParts();
        parts.put("META-INF/MANIFEST.MF", utf8("Manifest-Version: 1.0\r\nMain-Class: Grades\r\n\r\n"));
        parts.put("Grades.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61});
        return zip(parts);
    }

    /** The same trick without any class file: only the manifest's main class (run from a class path). */
    static byte[] manifestWithMainClassLookingLikeOffice() {
        Map<String, byte[]> parts = docxParts();
        parts.put("META-INF/MANIFEST.MF", utf8("Manifest-Version: 1.0\r\nMain-Class: Grades\r\n\r\n"));
        return zip(parts);
    }

    static byte[] zipOfExecutables() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("setup.exe", mz());
        parts.put("run.bat", utf8("@echo off\r\nsetup.exe\r\n"));
        return zip(parts);
    }

    /** The first bytes of a Windows program. */
    static byte[] mz() {
        byte[] mz = new byte[512];
        mz[0] = 'M';
        mz[1] = 'Z';
        mz[60] = (byte) 0x80;
        return mz;
    }

    /** An OLE2 compound file with the given streams, and storages holding one stream each. */
    static byte[] ole2(String[] streams, String... storages) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            for (String stream : streams) {
                fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
            }
            for (String storage : storages) {
                fs.createDirectory(storage).createDocument("dir", new ByteArrayInputStream(new byte[64]));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Tika names a Word 97-2003 document: an OLE2 file with a WordDocument stream. */
    static byte[] doc() {
        return ole2(new String[] {"WordDocument"});
    }

    /** An OLE2 "Package" object wrapping a file (shown as an icon in a document; a double click runs it). */
    static byte[] olePackage(String fileName) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Ole10Native packaged = new Ole10Native(fileName, fileName, "C:\\Temp\\" + fileName, mz());
            ByteArrayOutputStream native10 = new ByteArrayOutputStream();
            packaged.writeOut(native10);
            fs.createDocument(new ByteArrayInputStream(native10.toByteArray()), Ole10Native.OLE10_NATIVE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png() {
        return new byte[] {
            (byte) 0x89,
            'P',
            'N',
            'G',
            '\r',
            '\n',
            0x1A,
            '\n',
            0,
            0,
            0,
            13,
            'I',
            'H',
            'D',
            'R',
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            1,
            8,
            6,
            0,
            0,
            0,
            0x1F,
            0x15,
            (byte) 0xC4,
            (byte) 0x89,
            0,
            0,
            0,
            10,
            'I',
            'D',
            'A',
            'T',
            0x78,
            (byte) 0x9C,
            0x63,
            0,
            1,
            0,
            0,
            5,
            0,
            1,
            0x0D,
            0x0A,
            0x2D,
            (byte) 0xB4,
            0,
            0,
            0,
            0,
            'I',
            'E',
            'N',
            'D',
            (byte) 0xAE,
            0x42,
            0x60,
            (byte) 0x82
        };
    }
}
