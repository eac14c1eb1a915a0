package io.retainbot.core.outreach;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A personal offer code: issued to one customer for one campaign, valid until it expires, redeemed
 * at most once.
 *
 * @param campaign   what it was issued for ("template:12", "birthday:2027")
 * @param redeemedBy who marked it redeemed (a staff name or till), {@code null} while not redeemed
 */
public record OfferCode(String code, long customerId, String campaign, Instant issuedAt, Instant expiresAt,
                        Instant redeemedAt, String redeemedBy) {
    /** Letters and digits that cannot be mistaken for each other when read aloud or typed. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");

    public OfferCode {
        if (code == null || !SHAPE.matcher(code).matches()) {
            throw new IllegalArgumentException("an offer code looks like K7QM-4XTP, was \"" + code + "\"");
        }
        if (campaign == null || campaign.isBlank() || campaign.length() > 100) {
            throw new IllegalArgumentException("campaign must have 1 to 100 characters");
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("an offer must expire after it is issued");
        }
    }

    public enum Status {
        ACTIVE,
        EXPIRED,
        REDEEMED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Status status(Instant now) {
        if (redeemedAt != null) {
            return Status.REDEEMED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    /**
     * A code as a person typed it: any case, blanks around, the dash optional ("k7qm4xtp").
     * Empty when it cannot be a code at all.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        if (compact.length() != 8) {
            return Optional.empty();
        }
        String code = compact.substring(0, 4) + "-" + compact.substring(4);
        return SHAPE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
