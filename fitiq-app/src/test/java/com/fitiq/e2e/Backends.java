package com.fitiq.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outbox.testing.backend.Resource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares what the app lists with what the stand-in backend holds. Public for the reliability campaigns. */
public final class Backends {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Backends() {
    }

    public static List<Map<String, Object>> parseArray(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new AssertionError("not a JSON array: " + json, e);
        }
    }

    public static Map<String, Object> parseObject(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new AssertionError("not a JSON object: " + json, e);
        }
    }

    /** Every listed entry is at the backend with the same values, the backend holds nothing else, none made twice. */
    static void assertBackendEqualsLocal(String listJson, Map<String, Resource> remote, Map<String, Integer> creates) {
        List<Map<String, Object>> local = parseArray(listJson);
        Map<String, Map<String, Object>> remoteByClient = remote.values().stream()
                .collect(Collectors.toMap(Resource::clientId, Resource::body, (a, b) -> a, TreeMap::new));
        assertThat(remoteByClient.keySet()).isEqualTo(local.stream().map(e -> (String) e.get("id"))
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
        for (Map<String, Object> entry : local) {
            Map<String, Object> body = remoteByClient.get((String) entry.get("id"));
            assertThat(body.get("type")).isEqualTo(entry.get("type"));
            assertThat(body.get("unit")).isEqualTo(entry.get("unit"));
            assertThat(((Number) body.get("quantity")).doubleValue()).isEqualTo(((Number) entry.get("quantity"))
                    .doubleValue());
            assertThat(body.get("date")).isEqualTo(entry.get("date"));
            assertThat(entry.get("backend_id")).isNotNull();
            assertThat(entry.get("sync_state")).isEqualTo("synced");
        }
        assertThat(creates.values()).as("no entry created twice").allMatch(n -> n == 1);
    }

    static Set<String> ids(String listJson) {
        return parseArray(listJson).stream().map(e -> (String) e.get("id")).collect(Collectors.toSet());
    }
}
