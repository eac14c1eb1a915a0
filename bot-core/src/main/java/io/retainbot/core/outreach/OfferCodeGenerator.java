package io.retainbot.core.outreach;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Makes new offer codes (eight symbols of {@link OfferCode#ALPHABET}, about 10^12 possibilities), from
 * an injected generator: a {@link java.security.SecureRandom} in production so codes cannot be
 * guessed, a seeded one in tests.
 */
public final class OfferCodeGenerator {
    private final RandomGenerator random;

    public OfferCodeGenerator(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String next() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(OfferCode.ALPHABET.charAt(random.nextInt(OfferCode.ALPHABET.length())));
        }
        return code.toString();
    }
}
