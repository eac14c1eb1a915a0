package io.retainbot.core.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a customer bought and when: a light record for check-ins and account reviews to refer to, not
 * an order system.
 *
 * @param orderReference null when none was given
 * @param amount         null when none was given; with a three-letter {@code currency} when given
 * @param source         where it was entered: {@code api} or {@code import}
 */
public record Purchase(long id, long customerId, String product, LocalDate purchasedOn, String orderReference,
                       BigDecimal amount, String currency, String source, Instant createdAt) {
    public Purchase {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(purchasedOn, "purchasedOn");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
