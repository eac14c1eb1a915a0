package io.retainbot.core.business;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Opening spans per day of week; a day that is missing is closed. */
public record BusinessHours(Map<DayOfWeek, List<OpeningSpan>> week) {
    public BusinessHours {
        Objects.requireNonNull(week, "week");
        EnumMap<DayOfWeek, List<OpeningSpan>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, spans) -> {
            List<OpeningSpan> sorted = spans.stream().sorted(Comparator.comparing(OpeningSpan::opens)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
                    throw new IllegalArgumentException("opening spans overlap on " + day);
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, sorted);
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("business hours must open on at least one day");
        }
        week = Map.copyOf(copy);
    }

    /** Monday to Friday 09:00 to 18:00, Saturday 10:00 to 14:00. */
    public static BusinessHours standard() {
        OpeningSpan weekday = new OpeningSpan(LocalTime.of(9, 0), LocalTime.of(18, 0));
        Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(weekday));
        }
        week.put(DayOfWeek.SATURDAY, List.of(new OpeningSpan(LocalTime.of(10, 0), LocalTime.of(14, 0))));
        return new BusinessHours(week);
    }

    public List<OpeningSpan> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }
}
