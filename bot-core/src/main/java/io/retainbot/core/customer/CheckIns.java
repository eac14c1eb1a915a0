package io.retainbot.core.customer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The after-sales check-ins a business makes, from its business file. By default: three days after a
 * purchase ("has everything arrived and does it work?"), thirty days after it ("how is it going?") and
 * seven days after a complaint was resolved ("is everything still fine?"). An empty list makes none.
 */
public record CheckIns(List<CheckInCadence> cadences) {
    public static final CheckIns DEFAULT = new CheckIns(List.of(
            CheckInCadence.of(CheckInCadence.After.PURCHASE, 3, "checkin.arrived"),
            CheckInCadence.of(CheckInCadence.After.PURCHASE, 30, "checkin.how_is_it"),
            CheckInCadence.of(CheckInCadence.After.RESOLVED_COMPLAINT, 7, "checkin.still_fine")));

    public CheckIns {
        cadences = List.copyOf(cadences);
        Set<String> names = new HashSet<>();
        for (CheckInCadence cadence : cadences) {
            if (!names.add(cadence.name())) {
                throw new IllegalArgumentException("two check-ins are named " + cadence.name()
                        + "; give one of them another name");
            }
        }
    }

    public List<CheckInCadence> after(CheckInCadence.After after) {
        return cadences.stream().filter(cadence -> cadence.after() == after).toList();
    }
}
