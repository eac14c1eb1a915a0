package io.retainbot.core.business;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Somewhere to send a customer the business cannot help itself ("never just say no").
 *
 * @param id          stable id
 * @param name        language tag to name ("en" must be present)
 * @param contact     phone, address or URL
 * @param description language tag to one line on what they do (may be empty)
 * @param categories  complaint category ids this referral suits (empty for any)
 */
public record Referral(String id, Map<String, String> name, String contact, Map<String, String> description,
                       List<String> categories) {
    private static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,32}");

    public Referral {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("referral id must be 1 to 32 of a-z, 0-9, '-', '_': " + id);
        }
        name = Map.copyOf(name);
        if (!name.containsKey("en")) {
            throw new IllegalArgumentException("referral " + id + " needs an English name (en)");
        }
        if (contact == null || contact.isBlank()) {
            throw new IllegalArgumentException("referral " + id + " needs a contact");
        }
        description = Map.copyOf(description);
        categories = List.copyOf(categories);
    }
}
