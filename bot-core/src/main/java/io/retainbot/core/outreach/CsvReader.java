package io.retainbot.core.outreach;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads comma-separated values as RFC 4180 writes them, one record at a time: fields in double
 * quotes may hold commas, line breaks and doubled quotes; lines end in CRLF or LF; a leading byte
 * order mark is skipped. Malformed input (a quote inside an unquoted field, an unclosed quote, a
 * field over the size limit) is reported with its line.
 */
public final class CsvReader {
    /** The longest field accepted, in characters. */
    public static final int MAX_FIELD = 10_000;

    private final Reader in;
    private int line = 1;
    private int peeked = -2;
    private boolean started;

    public CsvReader(Reader in) {
        this.in = in instanceof java.io.BufferedReader ? in : new java.io.BufferedReader(in);
    }

    /** One record and the line it starts on. */
    public record Record(int line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    /** A record that cannot be read; the rest of the input is not read either. */
    public static final class MalformedCsv extends IllegalArgumentException {
        private final int line;

        MalformedCsv(int line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The next record, or empty at the end of the input. Blank lines are skipped. */
    public Optional<Record> next() {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read();
            }
        }
        while (peek() == '\r' || peek() == '\n') {
            endOfLine();
        }
        if (peek() == -1) {
            return Optional.empty();
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field(startLine));
            int c = peek();
            if (c == ',') {
                read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                endOfLine();
            }
            return Optional.of(new Record(startLine, fields));
        }
    }

    private String field(int startLine) {
        StringBuilder value = new StringBuilder();
        if (peek() != '"') {
            while (true) {
                int c = peek();
                if (c == -1 || c == ',' || c == '\r' || c == '\n') {
                    return value.toString();
                }
                if (c == '"') {
                    throw new MalformedCsv(line, "a quote inside an unquoted field; put the whole field in quotes "
                            + "and double the quote");
                }
                append(value, read());
            }
        }
        read();
        while (true) {
            int c = read();
            if (c == -1) {
                throw new MalformedCsv(startLine, "a quoted field is never closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    append(value, read());
                    continue;
                }
                int after = peek();
                if (after != -1 && after != ',' && after != '\r' && after != '\n') {
                    throw new MalformedCsv(line, "text after a closing quote; double a quote inside a quoted field");
                }
                return value.toString();
            }
            if (c == '\n') {
                line++;
            }
            append(value, c);
        }
    }

    private void append(StringBuilder value, int c) {
        if (value.length() >= MAX_FIELD) {
            throw new MalformedCsv(line, "a field is longer than " + MAX_FIELD + " characters");
        }
        value.append((char) c);
    }

    private void endOfLine() {
        if (read() == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int peek() {
        if (peeked == -2) {
            peeked = readRaw();
        }
        return peeked;
    }

    private int read() {
        int c = peek();
        peeked = -2;
        return c;
    }

    private int readRaw() {
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
