package io.retainbot.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownIssueTest {
    private static final Instant AT = Instant.parse("2026-11-23T06:20:00Z");

    private static KnownIssue issue(long id, Set<String> categories, boolean open, String... symptoms) {
        return new KnownIssue(id, "Issue " + id, List.of(symptoms), categories, Map.of("en", "Fix " + id), open, AT, AT);
    }

    @Test
    void findsASymptomWhateverItsCaseAndSpacing() {
        KnownIssue kettle = issue(1, Set.of("product"), true, "does not  switch off");
        assertThat(kettle.matches("product", "My kettle DOES NOT switch\noff after boiling")).isEqualTo(1);
    }

    @Test
    void aSymptomMustStartAndEndAtAWordBoundaryInLatinScript() {
        KnownIssue charging = issue(1, Set.of(), true, "charge", "heat");
        assertThat(charging.matches("product", "the charger is lost and the room preheats")).isZero();
        assertThat(charging.matches("product", "it will not charge.")).isEqualTo(1);
    }

    @Test
    void aKoreanSymptomIsFoundWithAParticleGluedOn() {
        KnownIssue power = issue(1, Set.of("product"), true, "전원");
        assertThat(power.matches("product", "전원이 안 켜져요")).isEqualTo(1);
    }

    @Test
    void onlyAnOpenIssueOfTheComplaintsCategoryMatches() {
        assertThat(issue(1, Set.of("delivery"), true, "late").matches("product", "it came late")).isZero();
        assertThat(issue(2, Set.of("delivery"), false, "late").matches("delivery", "it came late")).isZero();
        assertThat(issue(3, Set.of(), true, "late").matches("billing", "the refund is late")).isEqualTo(1);
    }

    @Test
    void theBestMatchUsesMostSymptomsThenIsTheNewest() {
        KnownIssue one = issue(1, Set.of(), true, "screen");
        KnownIssue two = issue(2, Set.of(), true, "screen", "flicker");
        KnownIssue three = issue(3, Set.of(), true, "screen");
        assertThat(KnownIssue.bestFor(List.of(one, two, three), "product", "the screen flickers and flicker"))
                .contains(two);
        assertThat(KnownIssue.bestFor(List.of(one, three), "product", "the screen is black")).contains(three);
        assertThat(KnownIssue.bestFor(List.of(one, two), "product", "it smells")).isEmpty();
    }

    @Test
    void theFixIsInTheCustomersLanguageElseTheFallback() {
        KnownIssue issue = new KnownIssue(1, "t", List.of("x"), Set.of(), Map.of("en", "Restart it", "ko", "다시 켜세요"),
                true, AT, AT);
        assertThat(issue.fixIn("ko", "en")).isEqualTo("다시 켜세요");
        assertThat(issue.fixIn("tl", "en")).isEqualTo("Restart it");
        KnownIssue koreanOnly = new KnownIssue(2, "t", List.of("x"), Set.of(), Map.of("ko", "다시 켜세요"), true, AT, AT);
        assertThat(koreanOnly.fixIn("tl", "en")).isEqualTo("다시 켜세요");
    }

    @Test
    void aDraftNeedsATitleASymptomAndAFix() {
        assertThatThrownBy(() -> new KnownIssue.Draft(" ", List.of("x"), Set.of(), Map.of("en", "f"), true))
                .hasMessageStartingWith("title:");
        assertThatThrownBy(() -> new KnownIssue.Draft("t", List.of(" ", ""), Set.of(), Map.of("en", "f"), true))
                .hasMessageStartingWith("symptoms:");
        assertThatThrownBy(() -> new KnownIssue.Draft("t", List.of("x"), Set.of(), Map.of(), true))
                .hasMessageStartingWith("fixes:");
        assertThatThrownBy(() -> new KnownIssue.Draft("t", List.of("x"), Set.of(), Map.of("en", "  "), true))
                .hasMessageStartingWith("fixes.en:");
        assertThat(new KnownIssue.Draft(" t ", List.of(" x ", "x"), Set.of(), Map.of("en", " f "), true))
                .satisfies(draft -> {
                    assertThat(draft.title()).isEqualTo("t");
                    assertThat(draft.symptoms()).containsExactly("x");
                    assertThat(draft.fixes()).containsEntry("en", "f");
                });
    }
}
