package io.outbox.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where commands print: JSON for scripts (UTF-8, snake_case keys built by the callers), lines for people. */
public final class Output {
    /**
     * Made on first use: building Jackson's mapper loads some 400 classes (about 0.25 s of a command's
     * start-up without a class-data archive), which a command that prints no JSON never needs.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
        };
    }

    private final PrintStream out;
    private final PrintStream err;

    /** Prints lines and JSON to {@code out}, errors and progress to {@code err}. */
    public Output(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Output on the process's stdout and stderr, in UTF-8, flushed at each line. */
    public static Output system() {
        return new Output(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    /** Prints {@code text} as one line on standard output. */
    public void line(String text) {
        out.println(text);
    }

    /** Prints {@code value} as JSON, on one line of standard output. */
    public void json(Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON: " + e.getMessage(), e);
        }
    }

    /** Prints {@code text} as one line on standard error. */
    public void error(String text) {
        err.println(text);
    }

    /** Progress for a person watching: on stderr, overwriting the line. */
    public void progress(String text) {
        err.print("\r" + text + "   ");
        err.flush();
    }

    /** Standard error, for messages, stack traces and progress that are not the command's result. */
    public PrintStream err() {
        return err;
    }

    /** Standard output, for picocli's own help and version text. */
    public PrintStream out() {
        return out;
    }

    /** A JSON object's text as a map; a value that is not an object is kept under "value". */
    public static Map<String, Object> parseObject(String json) {
        try {
            return Json.MAPPER.readValue(json, Json.OBJECT);
        } catch (JsonProcessingException e) {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("unreadable_metadata", shorten(json));
            return raw;
        }
    }

    /** {@code value} as JSON text; an {@code IllegalStateException} when it cannot be written. */
    public static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** The Jackson mapper every output prints JSON with, made on first use. */
    public static ObjectMapper mapper() {
        return Json.MAPPER;
    }

    /** A value quoted back to the user, cut so that a huge or hostile value cannot flood the terminal. */
    public static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
    }
}
