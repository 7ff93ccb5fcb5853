package com.lume.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayMetadataTest {
    @Test
    void givenLegacyPayloadWithPrivateKeysInAnyStyleAndDepth_whenShown_thenTheyAreDroppedAndNamed() {
        Optional<Map<String, Object>> shown = DisplayMetadata.of(Optional.of("{\"id\": \"3f0c\", \"user_id\": \"a\","
                + " \"valence\": 0.4, \"labels\": [\"calm\"], \"Note\": \"walk\", \"title\": \"T\", \"journalContent\":"
                + " \"C\", \"entry\": {\"text\": \"x\", \"body\": \"y\", \"mood_id\": \"m\"}, \"logged_at\": \"2025\"}"));

        assertThat(shown).isPresent();
        assertThat(shown.get()).containsOnlyKeys("id", "user_id", "valence", "labels", "entry", "logged_at",
                DisplayMetadata.HIDDEN);
        assertThat(shown.get().get("entry")).isEqualTo(Map.of("mood_id", "m"));
        assertThat(shown.get().get(DisplayMetadata.HIDDEN)).isEqualTo(List.of("Note", "body", "journalContent",
                "text", "title"));
        assertThat(shown.get().toString()).doesNotContain("walk").doesNotContain("\"C\"");
    }

    @Test
    void givenPayloadKeptAsBase64OrNotAnObject_whenShown_thenNothingOfItIsShown() {
        assertThat(DisplayMetadata.of(Optional.of("{\"legacy_payload_base64\": \"c2VjcmV0\"}")))
                .contains(Map.of(DisplayMetadata.HIDDEN, List.of("legacy_payload_base64")));
        assertThat(DisplayMetadata.of(Optional.of("dear diary, not json")).orElseThrow().toString())
                .doesNotContain("diary");
    }

    @Test
    void givenLumesOwnMetadataOrNone_whenShown_thenShownAsItIs() {
        assertThat(DisplayMetadata.of(Optional.of("{\"origin\":\"lume\"}"))).contains(Map.of("origin", "lume"));
        assertThat(DisplayMetadata.of(Optional.empty())).isEmpty();
    }
}
