package io.retainbot.core.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A purchase to record, checked field by field (each problem names its field). */
public record NewPurchase(long customerId, String product, LocalDate purchasedOn, String orderReference,
                          BigDecimal amount, String currency) {
    public static final int MAX_PRODUCT = 200;
    public static final int MAX_ORDER_REFERENCE = 100;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    public NewPurchase {
        if (customerId < 1) {
            throw new IllegalArgumentException("customerId: a customer id is a positive whole number");
        }
        product = Objects.requireNonNullElse(product, "").strip();
        if (product.isEmpty() || product.length() > MAX_PRODUCT) {
            throw new IllegalArgumentException("product: 1 to " + MAX_PRODUCT + " characters");
        }
        if (purchasedOn == null) {
            throw new IllegalArgumentException("purchasedOn: the date of the purchase is required (2026-11-20)");
        }
        orderReference = orderReference == null || orderReference.isBlank() ? null : orderReference.strip();
        if (orderReference != null && orderReference.length() > MAX_ORDER_REFERENCE) {
            throw new IllegalArgumentException("orderReference: at most " + MAX_ORDER_REFERENCE + " characters");
        }
        currency = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (amount != null) {
            if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("amount: a sum from 0 with at most two decimals");
            }
            if (currency == null) {
                throw new IllegalArgumentException("currency: an amount needs its currency (KRW, PHP, USD)");
            }
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency: a three-letter code such as KRW, PHP or USD");
        }
    }
}
