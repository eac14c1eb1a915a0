package io.retainbot.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.staff.OwnerRotation.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerRotationTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void givesTheNextCustomerToWhoeverWaitedLongestNeverGivenOneFirst() {
        Candidate ana = new Candidate(3, "Ana", MONDAY.plusSeconds(60), 1);
        Candidate joon = new Candidate(9, "Joon", MONDAY, 4);
        Candidate mina = new Candidate(5, "Mina", null, 7);

        assertThat(OwnerRotation.next(List.of(ana, joon, mina))).hasValue(5L);
        assertThat(OwnerRotation.next(List.of(ana, joon))).hasValue(9L);
        assertThat(OwnerRotation.next(List.of())).isEmpty();
    }

    @Test
    void amongThoseWhoWaitedAlikeTheOneWithFewestCustomersThenTheNameDecidesNotTheId() {
        assertThat(OwnerRotation.next(List.of(new Candidate(1, "Ana", null, 3), new Candidate(2, "Joon", null, 1))))
                .hasValue(2L);
        assertThat(OwnerRotation.next(List.of(new Candidate(8, "Ana", MONDAY, 2), new Candidate(2, "Joon", MONDAY, 2))))
                .hasValue(8L);
    }

    @Test
    void inTurnEveryoneGetsOneBeforeAnyoneGetsASecondWhateverTheirIds() {
        List<Candidate> team = new ArrayList<>(List.of(new Candidate(30, "Ana", null, 0),
                new Candidate(10, "Joon", null, 0), new Candidate(20, "Mina", null, 0)));
        List<Long> given = new ArrayList<>();
        for (int customer = 0; customer < 6; customer++) {
            long next = OwnerRotation.next(team).orElseThrow();
            given.add(next);
            Instant at = MONDAY.plusSeconds(customer);
            team.replaceAll(member -> member.staffId() == next
                    ? new Candidate(next, member.name(), at, member.customers() + 1) : member);
        }
        assertThat(given).containsExactly(30L, 10L, 20L, 30L, 10L, 20L);
    }

    @Test
    void spreadsToWhoeverHasFewestTiesToWhoWaitedLongest() {
        Candidate ana = new Candidate(1, "Ana", MONDAY, 2);
        Candidate joon = new Candidate(2, "Joon", MONDAY.plusSeconds(60), 0);
        Candidate lee = new Candidate(3, "Lee", MONDAY.plusSeconds(30), 1);

        Map<Long, Long> plan = OwnerRotation.spread(List.of(100L, 101L, 102L, 103L, 104L), List.of(ana, joon, lee));

        assertThat(plan).containsExactly(Map.entry(100L, 2L), Map.entry(101L, 3L), Map.entry(102L, 2L),
                Map.entry(103L, 1L), Map.entry(104L, 3L));
        Map<Long, Integer> after = new HashMap<>(Map.of(1L, 2, 2L, 0, 3L, 1));
        plan.values().forEach(staff -> after.merge(staff, 1, Integer::sum));
        assertThat(after).as("8 over 3: as even as it gets").containsOnly(Map.entry(1L, 3), Map.entry(2L, 2), Map.entry(3L, 3));
        assertThatThrownBy(() -> OwnerRotation.spread(List.of(100L), List.of()))
                .hasMessageContaining("nobody to spread");
    }

    @Test
    void readsTheOwnerRuleByItsCode() {
        assertThat(OwnerRule.fromCode(" Round-Robin ")).isEqualTo(OwnerRule.ROUND_ROBIN);
        assertThat(OwnerRule.fromCode("off")).isEqualTo(OwnerRule.OFF);
        assertThatThrownBy(() -> OwnerRule.fromCode("random")).hasMessageContaining("round-robin, off");
    }
}
