package io.retainbot.core.outreach;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who belongs to a segment. Every criterion left empty ({@code null} or an empty set) matches
 * everyone; the ones given must all match. Sets inside one criterion are alternatives ("language
 * en or ko"), except {@code allTags}, which the customer must carry every one of.
 *
 * @param anyTags              carries at least one of these tags
 * @param allTags              carries every one of these tags
 * @param noTags               carries none of these tags
 * @param languages            speaks one of these languages
 * @param channels             is reachable on one of these platforms (a linked chat not marked unreachable)
 * @param tiers                is in one of these opportunity tiers
 * @param responsibleStaffId   is looked after by this staff member
 * @param consent              stands here on marketing consent
 * @param lastContactBefore    last wrote before this moment (never having written counts as before)
 * @param lastContactAfter     last wrote at or after this moment
 * @param hasOpenComplaint     has (true) or has no (false) complaint that is open or in progress
 * @param recentComplaints     filed at least so many complaints in the last so many days
 * @param birthdayMonths       has a birthday in one of these months (1 to 12)
 * @param customerSinceAfter   became a customer at or after this moment
 * @param customerSinceBefore  became a customer before this moment
 */
public record SegmentFilter(Set<Tag> anyTags, Set<Tag> allTags, Set<Tag> noTags, Set<String> languages,
                            Set<Platform> channels, Set<OpportunityTier> tiers, Long responsibleStaffId,
                            ConsentState consent, Instant lastContactBefore, Instant lastContactAfter,
                            Boolean hasOpenComplaint, ComplaintCount recentComplaints, Set<Integer> birthdayMonths,
                            Instant customerSinceAfter, Instant customerSinceBefore) {
    public static final SegmentFilter EVERYONE = builder().build();
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final int MAX_VALUES = 200;

    public SegmentFilter {
        anyTags = copy("anyTags", anyTags);
        allTags = copy("allTags", allTags);
        noTags = copy("noTags", noTags);
        languages = copy("languages", languages);
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("languages: a language is a two- or three-letter code such as "
                        + "en, ko, tl; was \"" + language + "\"");
            }
        }
        channels = copy("channels", channels);
        tiers = copy("tiers", tiers);
        if (responsibleStaffId != null && responsibleStaffId < 1) {
            throw new IllegalArgumentException("responsibleStaffId must be a staff id (1 or more), was "
                    + responsibleStaffId);
        }
        birthdayMonths = copy("birthdayMonths", birthdayMonths);
        for (int month : birthdayMonths) {
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("birthdayMonths: a month is 1 to 12, was " + month);
            }
        }
        if (lastContactBefore != null && lastContactAfter != null && !lastContactAfter.isBefore(lastContactBefore)) {
            throw new IllegalArgumentException("lastContactAfter must be earlier than lastContactBefore, "
                    + "or no one can match");
        }
        if (customerSinceBefore != null && customerSinceAfter != null
                && !customerSinceAfter.isBefore(customerSinceBefore)) {
            throw new IllegalArgumentException("customerSinceAfter must be earlier than customerSinceBefore, "
                    + "or no one can match");
        }
        Set<Tag> both = new LinkedHashSet<>(allTags);
        both.retainAll(noTags);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("allTags and noTags both name " + both + ", so no one can match");
        }
    }

    private static <T> Set<T> copy(String field, Set<T> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException(field + " may list at most " + MAX_VALUES + " values");
        }
        for (T value : values) {
            Objects.requireNonNull(value, field + " must not contain null");
        }
        return Set.copyOf(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a filter criterion by criterion; unset criteria match everyone. */
    public static final class Builder {
        private Set<Tag> anyTags;
        private Set<Tag> allTags;
        private Set<Tag> noTags;
        private Set<String> languages;
        private Set<Platform> channels;
        private Set<OpportunityTier> tiers;
        private Long responsibleStaffId;
        private ConsentState consent;
        private Instant lastContactBefore;
        private Instant lastContactAfter;
        private Boolean hasOpenComplaint;
        private ComplaintCount recentComplaints;
        private Set<Integer> birthdayMonths;
        private Instant customerSinceAfter;
        private Instant customerSinceBefore;

        private Builder() {
        }

        public Builder anyTags(Set<Tag> value) {
            anyTags = value;
            return this;
        }

        public Builder allTags(Set<Tag> value) {
            allTags = value;
            return this;
        }

        public Builder noTags(Set<Tag> value) {
            noTags = value;
            return this;
        }

        public Builder languages(Set<String> value) {
            languages = value;
            return this;
        }

        public Builder channels(Set<Platform> value) {
            channels = value;
            return this;
        }

        public Builder tiers(Set<OpportunityTier> value) {
            tiers = value;
            return this;
        }

        public Builder responsibleStaffId(Long value) {
            responsibleStaffId = value;
            return this;
        }

        public Builder consent(ConsentState value) {
            consent = value;
            return this;
        }

        public Builder lastContactBefore(Instant value) {
            lastContactBefore = value;
            return this;
        }

        public Builder lastContactAfter(Instant value) {
            lastContactAfter = value;
            return this;
        }

        public Builder hasOpenComplaint(Boolean value) {
            hasOpenComplaint = value;
            return this;
        }

        public Builder recentComplaints(ComplaintCount value) {
            recentComplaints = value;
            return this;
        }

        public Builder birthdayMonths(Set<Integer> value) {
            birthdayMonths = value;
            return this;
        }

        public Builder customerSinceAfter(Instant value) {
            customerSinceAfter = value;
            return this;
        }

        public Builder customerSinceBefore(Instant value) {
            customerSinceBefore = value;
            return this;
        }

        public SegmentFilter build() {
            return new SegmentFilter(anyTags, allTags, noTags, languages, channels, tiers, responsibleStaffId, consent,
                    lastContactBefore, lastContactAfter, hasOpenComplaint, recentComplaints, birthdayMonths,
                    customerSinceAfter, customerSinceBefore);
        }
    }
}
