package io.retainbot.core.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who looks after the next customer: round-robin in a fair order that does not depend on ids (whoever
 * has waited longest since they were last given a customer, then whoever looks after the fewest), and
 * an even spread when someone leaves. Names, then ids, only break exact ties, so the order is stable.
 */
public final class OwnerRotation {
    private OwnerRotation() {
    }

    /**
     * A staff member who may be given customers.
     *
     * @param lastGiven when they were last made someone's responsible staff member (null: never)
     * @param customers how many customers they look after now
     */
    public record Candidate(long staffId, String name, Instant lastGiven, int customers) {
        public Candidate {
            Objects.requireNonNull(name, "name");
            if (customers < 0) {
                throw new IllegalArgumentException("customers cannot be negative, was " + customers);
            }
        }
    }

    private static final Comparator<Candidate> BY_NAME = Comparator.comparing(Candidate::name)
            .thenComparingLong(Candidate::staffId);
    private static final Comparator<Candidate> LONGEST_WAITING = Comparator.comparing(Candidate::lastGiven,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Whose turn it is: the longest waiting (never given one first), then the fewest customers. */
    public static Optional<Long> next(List<Candidate> candidates) {
        return candidates.stream()
                .min(LONGEST_WAITING.thenComparingInt(Candidate::customers).thenComparing(BY_NAME))
                .map(Candidate::staffId);
    }

    /**
     * Spreads {@code customers} over {@code candidates} evenly: each customer goes to whoever has the
     * fewest so far (counting what they already look after), ties to the one who waited longest.
     *
     * @return customer id to staff id, in the order of {@code customers}
     */
    public static Map<Long, Long> spread(List<Long> customers, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nobody to spread the customers over");
        }
        List<Turn> turns = new ArrayList<>(candidates.stream().map(candidate -> new Turn(candidate, 0, 0)).toList());
        Comparator<Turn> order = Comparator.<Turn>comparingInt(Turn::customers).thenComparingInt(Turn::givenAt)
                .thenComparing(Turn::candidate, LONGEST_WAITING.thenComparing(BY_NAME));
        Map<Long, Long> plan = new LinkedHashMap<>();
        int given = 0;
        for (Long customer : customers) {
            Turn least = turns.stream().min(order).orElseThrow();
            plan.put(customer, least.candidate().staffId());
            turns.set(turns.indexOf(least), new Turn(least.candidate(), least.added() + 1, ++given));
        }
        return plan;
    }

    /** A candidate during a spread: how many were added to them so far, and when (0: not yet). */
    private record Turn(Candidate candidate, int added, int givenAt) {
        int customers() {
            return candidate.customers() + added;
        }
    }
}
