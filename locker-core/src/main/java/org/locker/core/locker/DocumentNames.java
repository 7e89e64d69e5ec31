package org.locker.core.locker;

import java.util.Locale;
import java.util.Set;
import org.locker.core.locker.LockerRefusal.Reason;

/**
 * Checks document names, the same on every platform: what Alfresco refuses in {@code cm:name} is refused here
 * first (so that Oak and Alfresco accept exactly the same names), and so are names that disguise what a file is
 * (bidirectional controls, invisible characters, an executable or script extension) or that Windows cannot open
 * (its reserved device names).
 */
public final class DocumentNames {

    public static final int MAX_LENGTH = 200;

    /** Characters Alfresco refuses in {@code cm:name} (422 "is not valid as a file name"). */
    private static final String REFUSED_CHARACTERS = "\"*<>?|\\:/";

    /** Windows device names: a file called so (whatever its extension) cannot be opened there. */
    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
            "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
            "LPT9", "LPT¹", "LPT²", "LPT³");

    /**
     * Extensions of programs, scripts, installers, shortcuts and disk images: a file named so runs (or opens
     * something that runs) when a recipient double-clicks it, whatever its content was judged to be.
     */
    public static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            // Windows programs, libraries, installers, shortcuts, settings
            "exe",
            "scr",
            "com",
            "pif",
            "cpl",
            "dll",
            "ocx",
            "sys",
            "drv",
            "msi",
            "msp",
            "mst",
            "msc",
            "msix",
            "appx",
            "appxbundle",
            "lnk",
            "url",
            "scf",
            "reg",
            "inf",
            "ins",
            "isp",
            "job",
            "gadget",
            "application",
            "appref-ms",
            "xbap",
            "chm",
            "hlp",
            "library-ms",
            "settingcontent-ms",
            "search-ms",
            "website",
            "cab",
            "xll",
            "mde",
            "ade",
            "adp",
            "accde",
            "mda",
            "mam",
            // scripts
            "bat",
            "cmd",
            "ps1",
            "ps1xml",
            "ps2",
            "ps2xml",
            "psc1",
            "psc2",
            "psd1",
            "psm1",
            "vb",
            "vbs",
            "vbe",
            "js",
            "jse",
            "mjs",
            "cjs",
            "wsf",
            "wsc",
            "wsh",
            "ws",
            "hta",
            "sct",
            "sh",
            "bash",
            "zsh",
            "csh",
            "ksh",
            "fish",
            "command",
            "tool",
            "py",
            "pyw",
            "pyc",
            "pyz",
            "pl",
            "pm",
            "rb",
            "php",
            "phtml",
            "phar",
            "lua",
            "tcl",
            "applescript",
            "scpt",
            "ahk",
            "au3",
            // Java, Android, Apple, Linux packages and disk images
            "jar",
            "war",
            "ear",
            "class",
            "jnlp",
            "apk",
            "aab",
            "xapk",
            "apks",
            "ipa",
            "app",
            "dmg",
            "pkg",
            "mpkg",
            "deb",
            "rpm",
            "snap",
            "flatpakref",
            "appimage",
            "run",
            "desktop",
            "iso",
            "img",
            "vhd",
            "vhdx");

    private DocumentNames() {}

    /**
     * The name stripped of surrounding white space, or a refusal: {@code INVALID_NAME} (blank, too long, only
     * dots, a trailing dot, a path separator, a character Alfresco refuses, a control, bidirectional, invisible
     * or unpaired character), {@code RESERVED_NAME} (a Windows device name), {@code EXECUTABLE_NAME}.
     */
    public static String checked(String name) {
        if (name == null) {
            throw new LockerRefusal(Reason.INVALID_NAME, "");
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || trimmed.endsWith(".")) {
            throw new LockerRefusal(Reason.INVALID_NAME, name);
        }
        trimmed.codePoints().filter(DocumentNames::refused).findFirst().ifPresent(c -> {
            throw new LockerRefusal(Reason.INVALID_NAME, name);
        });
        int dot = trimmed.indexOf('.');
        String device =
                (dot < 0 ? trimmed : trimmed.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (WINDOWS_RESERVED.contains(device)) {
            throw new LockerRefusal(Reason.RESERVED_NAME, trimmed);
        }
        refuseExecutable(trimmed);
        return trimmed;
    }

    /** Refuses ({@code EXECUTABLE_NAME}) a name whose extension is that of a program or a script. */
    public static void refuseExecutable(String name) {
        if (name != null && isExecutable(name.strip())) {
            throw new LockerRefusal(Reason.EXECUTABLE_NAME, extension(name.strip()));
        }
    }

    /** Whether the name's extension is that of a program, a script, an installer, a shortcut or a disk image. */
    public static boolean isExecutable(String name) {
        return EXECUTABLE_EXTENSIONS.contains(extension(name));
    }

    /**
     * Characters no name may hold: controls, format characters (bidirectional controls U+202A–U+202E and
     * U+2066–U+2069, marks, zero-width spaces and joiners, the byte order mark), line and paragraph separators,
     * unpaired surrogates and what Alfresco refuses.
     */
    private static boolean refused(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || REFUSED_CHARACTERS.indexOf(c) >= 0;
    }

    /** The extension (lower case, without the dot), empty when none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1
                ? ""
                : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The name without its extension. */
    public static String base(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
