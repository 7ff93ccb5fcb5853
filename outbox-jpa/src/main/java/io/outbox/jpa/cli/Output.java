package io.outbox.jpa.cli;

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
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final PrintStream out;
    private final PrintStream err;

    public Output(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static Output system() {
        return new Output(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    public void line(String text) {
        out.println(text);
    }

    public void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON: " + e.getMessage(), e);
        }
    }

    public void error(String text) {
        err.println(text);
    }

    /** Progress for a person watching: on stderr, overwriting the line. */
    public void progress(String text) {
        err.print("\r" + text + "   ");
        err.flush();
    }

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
            return JSON.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("unreadable_metadata", shorten(json));
            return raw;
        }
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** A value quoted back to the user, cut so that a huge or hostile value cannot flood the terminal. */
    public static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
    }
}
