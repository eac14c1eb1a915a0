package io.retainbot.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerRotationTest {
    @Test
    void takesTheNextIdAfterTheLastAndWrapsRound() {
        assertThat(OwnerRotation.next(List.of(7L, 3L, 5L), null)).hasValue(3L);
        assertThat(OwnerRotation.next(List.of(7L, 3L, 5L), 3L)).hasValue(5L);
        assertThat(OwnerRotation.next(List.of(7L, 3L, 5L), 7L)).hasValue(3L);
        assertThat(OwnerRotation.next(List.of(7L, 3L, 5L), 4L)).as("the last one left meanwhile").hasValue(5L);
        assertThat(OwnerRotation.next(List.of(), 4L)).isEmpty();
    }

    @Test
    void spreadsToWhoeverHasFewestWithTiesToTheLowestId() {
        Map<Long, Long> plan = OwnerRotation.spread(List.of(100L, 101L, 102L, 103L), Map.of(1L, 2, 2L, 0, 3L, 1));

        assertThat(plan).containsExactly(Map.entry(100L, 2L), Map.entry(101L, 2L), Map.entry(102L, 3L),
                Map.entry(103L, 1L));
    }

    @Test
    void readsTheOwnerRuleByItsCode() {
        assertThat(OwnerRule.fromCode(" Round-Robin ")).isEqualTo(OwnerRule.ROUND_ROBIN);
        assertThat(OwnerRule.fromCode("off")).isEqualTo(OwnerRule.OFF);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OwnerRule.fromCode("random"))
                .hasMessageContaining("round-robin, off");
    }
}
