package io.retainbot.core.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who looks after the next customer: round-robin, and an even spread when someone leaves. */
public final class OwnerRotation {
    private OwnerRotation() {
    }

    /**
     * The agent after {@code last} among {@code candidates} (by id, wrapping round); the first when there
     * was none or the last one is no longer a candidate.
     */
    public static Optional<Long> next(List<Long> candidates, Long last) {
        List<Long> ordered = candidates.stream().distinct().sorted().toList();
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        if (last != null) {
            for (Long id : ordered) {
                if (id > last) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.of(ordered.get(0));
    }

    /**
     * Spreads {@code customers} over {@code staff} evenly: each customer goes to whoever has the fewest
     * so far (counting {@code load}, what they already look after), ties to the lowest id.
     *
     * @return customer id to staff id, in the order of {@code customers}
     */
    public static Map<Long, Long> spread(List<Long> customers, Map<Long, Integer> load) {
        if (load.isEmpty()) {
            throw new IllegalArgumentException("nobody to spread the customers over");
        }
        Map<Long, Integer> counts = new LinkedHashMap<>(load);
        Map<Long, Long> plan = new LinkedHashMap<>();
        Comparator<Map.Entry<Long, Integer>> fewestFirst = Map.Entry.<Long, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey());
        for (Long customer : customers) {
            Map.Entry<Long, Integer> least = new ArrayList<>(counts.entrySet()).stream().min(fewestFirst).orElseThrow();
            plan.put(customer, least.getKey());
            counts.put(least.getKey(), least.getValue() + 1);
        }
        return plan;
    }
}
