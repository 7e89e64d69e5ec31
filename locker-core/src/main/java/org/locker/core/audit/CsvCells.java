package org.locker.core.audit;

/**
 * Cells of the CSV files the service exports. A spreadsheet reads a cell that starts with {@code = + - @}, a tab or
 * a carriage return as a formula (CSV injection): such a cell is written with a leading apostrophe, which
 * spreadsheets show as text and do not display.
 */
public final class CsvCells {

    private CsvCells() {}

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }
}
