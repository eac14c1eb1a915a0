package io.retainbot.app.config;

import io.retainbot.core.business.AlertStages;
import io.retainbot.core.staff.OwnerRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The staff desk: how customers get a responsible staff member ({@code OWNER_RULE}: round-robin or off),
 * and when staff are warned that a promise may be missed ({@code ALERT_STAGES}: percentages of the
 * opening time to the promise, 100 being the promise itself).
 */
public record StaffDeskSettings(OwnerRule ownerRule, AlertStages alertStages) {
    public static StaffDeskSettings defaults() {
        return fromEnvironment(Map.of());
    }

    static StaffDeskSettings fromEnvironment(Map<String, String> env) {
        String rule = value(env, "OWNER_RULE").orElse(OwnerRule.ROUND_ROBIN.code());
        OwnerRule ownerRule;
        try {
            ownerRule = OwnerRule.fromCode(rule);
        } catch (IllegalArgumentException unknown) {
            throw new ConfigException("OWNER_RULE must be round-robin (the next agent of the complaint's category in "
                    + "turn) or off (owners set by hand), was \"" + rule + "\"");
        }
        return new StaffDeskSettings(ownerRule, value(env, "ALERT_STAGES").map(StaffDeskSettings::stages)
                .orElse(AlertStages.DEFAULT));
    }

    private static AlertStages stages(String value) {
        try {
            List<Integer> percents = new ArrayList<>();
            for (String part : value.split(",")) {
                percents.add(Integer.parseInt(part.strip()));
            }
            return new AlertStages(percents);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigException("ALERT_STAGES must be ascending percentages from 1 to 100 separated by commas, "
                    + "such as 50,80,100 (100: at the promise), was \"" + value + "\"");
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    @Override
    public String toString() {
        return "[ownerRule=" + ownerRule.code() + ", alertStages=" + alertStages.percents() + "]";
    }
}
