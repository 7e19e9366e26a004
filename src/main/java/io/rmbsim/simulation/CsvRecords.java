package io.rmbsim.simulation;

import io.rmbsim.web.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV records as spreadsheets write them (RFC 4180): fields separated by commas; a field in double
 * quotes may hold commas, line breaks and doubled quotes; records end with CRLF, LF or CR; a UTF-8
 * byte order mark before the first record is dropped (Excel's "CSV UTF-8"); blank lines are skipped.
 * A small reader of our own rather than a library: the grammar is a dozen lines, it needs no
 * reflection in the native image, and every refusal can name the line and column at fault.
 */
final class CsvRecords {

    /** One record: the line it starts on (1-based) and its fields. */
    record Record(int line, List<String> fields) {
    }

    private CsvRecords() {
    }

    /** The records of {@code text}, at most {@code maxRecords} of them (a 400 beyond). */
    static List<Record> read(String text, int maxRecords) {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                field.setLength(0);
                if (i < n && text.charAt(i) == '"') {
                    int fieldLine = line;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw error(fieldLine, fields.size() + 1, "a quoted field is not closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n' || c == '\r' && (i >= n || text.charAt(i) != '\n')) {
                                line++;
                            }
                            field.append(c);
                        }
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw error(line, fields.size() + 1, "a quoted field must end at a comma or the end of the line");
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        char c = text.charAt(i++);
                        if (c == '"') {
                            throw error(line, fields.size() + 1, "a double quote inside a field needs the whole field in double quotes");
                        }
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                if (i < n && text.charAt(i) == ',') {
                    i++;
                } else {
                    endOfRecord = true;
                    if (i < n && text.charAt(i) == '\r') {
                        i++;
                    }
                    if (i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                }
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (records.size() == maxRecords) {
                throw ProblemException.invalid("body", "at most " + (maxRecords - 1) + " payments in one upload, as in JSON", "FF01");
            }
            records.add(new Record(recordLine, fields));
        }
        return records;
    }

    private static ProblemException error(int line, int column, String message) {
        return ProblemException.invalid("line " + line + ", column " + column, message, "FF01");
    }

    /** A value as a message may quote it: short, and without control characters. */
    static String quote(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + v.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
