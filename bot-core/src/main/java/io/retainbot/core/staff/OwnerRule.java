package io.retainbot.core.staff;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a customer gets a responsible staff member when they file a complaint: a customer who already has
 * an active one keeps them (the existing owner); one who has none gets the next active agent of the
 * complaint's category in turn ({@code round-robin}), or stays without ({@code off}: owners are set by hand).
 */
public enum OwnerRule {
    ROUND_ROBIN,
    OFF;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OwnerRule fromCode(String code) {
        return Arrays.stream(values()).filter(rule -> rule.code().equals(code.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown owner rule " + code
                        + "; the rules are round-robin, off"));
    }
}
