package com.fitiq.progress.service;

import com.fitiq.progress.InvalidEntryException;
import com.fitiq.progress.usecase.AddProgressCommand;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an import file: UTF-8, header {@code type,quantity,unit,date}, one entry per line, an
 * empty unit or date meaning the type's unit or now. The first bad line is reported with its
 * line number (the header is line 1).
 */
final class CsvImport {
    static final String HEADER = "type,quantity,unit,date";
    private static final int MAX_LINES = 1_000_000;

    private CsvImport() {
    }

    static List<AddProgressCommand> read(String userId, Path file) {
        List<String> lines = withoutByteOrderMark(lines(file));
        if (lines.isEmpty() || !lines.get(0).trim().replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw new InvalidEntryException(name(file) + " line 1: the header must be " + HEADER);
        }
        List<AddProgressCommand> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new InvalidEntryException(name(file) + " line " + lineNumber + ": expected 4 cells ("
                        + HEADER + "), found " + cells.length);
            }
            Optional<String> unit = Optional.of(cells[2].trim()).filter(u -> !u.isEmpty());
            Optional<Instant> date = Optional.of(cells[3].trim()).filter(d -> !d.isEmpty())
                    .map(d -> date(d, file, lineNumber));
            rows.add(new AddProgressCommand(userId, cells[0].trim(), cells[1].trim(), unit, date));
        }
        return rows;
    }

    /** The file's name as messages quote it: no control codes, and not a whole screen of it. */
    static String name(Path file) {
        Path name = file.getFileName();
        return ProgressService.shorten(name == null ? file.toString() : name.toString());
    }

    /** A path as messages quote it: its end, where the file's name is, when it is long. */
    private static String shown(Path file) {
        String text = file.toString().replaceAll("\\p{Cntrl}", "?");
        return text.length() <= 80 ? text : "..." + text.substring(text.length() - 77);
    }

    /** Spreadsheets save "UTF-8 CSV" with a byte order mark; it is not part of the header. */
    private static List<String> withoutByteOrderMark(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("\uFEFF")) {
            return lines;
        }
        List<String> rest = new ArrayList<>(lines);
        rest.set(0, rest.get(0).substring(1));
        return rest;
    }

    /** Reads an ISO-8601 timestamp with an offset or Z. */
    static Instant date(String text, Path file, int line) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEntryException(name(file) + " line " + line + ": date '"
                    + ProgressService.shorten(text) + "' is not a timestamp; use ISO-8601 such as 2025-01-31T08:00:00Z");
        }
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidEntryException("import file " + shown(file) + " does not exist or is not a file");
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() > MAX_LINES) {
                throw new InvalidEntryException(name(file) + " has more than " + MAX_LINES + " lines");
            }
            return lines;
        } catch (CharacterCodingException e) {
            throw new InvalidEntryException(name(file) + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidEntryException("cannot read " + shown(file) + ": "
                    + ProgressService.shorten(e.getMessage()));
        }
    }
}
