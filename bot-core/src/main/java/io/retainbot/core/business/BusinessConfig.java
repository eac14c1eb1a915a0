package io.retainbot.core.business;

import io.retainbot.core.customer.Tone;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything RetainBot knows about the business it serves.
 *
 * @param companyName shown to customers
 * @param zone        the business's time zone (opening hours and holidays are in it)
 * @param hours       opening hours per day of week
 * @param holidays    closed dates
 * @param categories  complaint categories, in the order customers see them
 * @param promise     how promises are made from targets
 * @param referrals   the referral directory
 * @param templates   language tag to (message key to text): overrides of the built-in catalog
 * @param defaultTone how new customers are addressed until they choose for themselves
 */
public record BusinessConfig(String companyName, ZoneId zone, BusinessHours hours, Set<LocalDate> holidays,
                             List<ComplaintCategory> categories, PromisePolicy promise, List<Referral> referrals,
                             Map<String, Map<String, String>> templates, Tone defaultTone) {
    public BusinessConfig {
        Objects.requireNonNull(defaultTone, "defaultTone");
        if (companyName == null || companyName.isBlank()) {
            throw new IllegalArgumentException("company name must not be blank");
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(promise, "promise");
        holidays = Set.copyOf(holidays);
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("at least one complaint category is needed");
        }
        Set<String> ids = new HashSet<>();
        for (ComplaintCategory category : categories) {
            if (!ids.add(category.id())) {
                throw new IllegalArgumentException("complaint category id used twice: " + category.id());
            }
        }
        referrals = List.copyOf(referrals);
        templates = templates.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    }

    /** A business that addresses new customers formally. */
    public BusinessConfig(String companyName, ZoneId zone, BusinessHours hours, Set<LocalDate> holidays,
                          List<ComplaintCategory> categories, PromisePolicy promise, List<Referral> referrals,
                          Map<String, Map<String, String>> templates) {
        this(companyName, zone, hours, holidays, categories, promise, referrals, templates, Tone.FORMAL);
    }

    /** The same business, addressing new customers in {@code tone}. */
    public BusinessConfig withDefaultTone(Tone tone) {
        return new BusinessConfig(companyName, zone, hours, holidays, categories, promise, referrals, templates, tone);
    }

    /**
     * A sensible business for a first run: categories delivery, product, service, billing, other, each with a
     * first-response target and a resolution target (three to five working days of nine opening hours).
     */
    public static BusinessConfig defaults() {
        return new BusinessConfig(
                "RetainBot Demo Shop",
                ZoneId.of("UTC"),
                BusinessHours.standard(),
                Set.of(),
                List.of(
                        category("delivery", Duration.ofHours(18), Duration.ofHours(27), "Delivery", "배송", "Paghahatid"),
                        category("product", Duration.ofHours(24), Duration.ofHours(36), "Product", "상품", "Produkto"),
                        category("service", Duration.ofHours(24), Duration.ofHours(36), "Service", "서비스", "Serbisyo"),
                        category("billing", Duration.ofHours(24), Duration.ofHours(27), "Billing", "결제", "Singil"),
                        category("other", Duration.ofHours(36), Duration.ofHours(45), "Other", "기타", "Iba pa")),
                PromisePolicy.standard(),
                List.of(),
                Map.of());
    }

    public Optional<ComplaintCategory> category(String id) {
        return categories.stream().filter(category -> category.id().equals(id)).findFirst();
    }

    private static ComplaintCategory category(String id, Duration target, Duration resolution, String en, String ko,
                                              String tl) {
        return new ComplaintCategory(id, Map.of("en", en, "ko", ko, "tl", tl), target, resolution);
    }
}
