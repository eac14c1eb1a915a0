package io.retainbot.core.customer;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the business knows about a customer and may edit. Optional facts are {@code null} when
 * unknown; texts are trimmed and bounded, and an empty text counts as unknown.
 *
 * @param formOfAddress how they like to be addressed ("Ms. Santos", "김 대표님")
 * @param language      catalog language of the conversation ("en", "ko", "tl")
 * @param zone          their time zone, {@code null} to use the business's
 * @param sourceChannel where they first came from ("telegram", "web", "fair 2026", ...)
 * @param introducerId  the customer who introduced them
 */
public record CustomerProfile(String displayName, String formOfAddress, String gender, Birthday birthday,
                              String language, ZoneId zone, String phone, String email, String company,
                              String industry, String occupation, String position, String needs,
                              String painPoints, String notes, Tone tone, String sourceChannel, Long introducerId,
                              OpportunityTier tier, Long responsibleStaffId) {
    public static final int MAX_NAME = 200;
    public static final int MAX_SHORT_TEXT = 200;
    public static final int MAX_LONG_TEXT = 4000;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{3,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public CustomerProfile {
        displayName = Objects.requireNonNullElse(bounded("displayName", displayName, MAX_NAME), "");
        formOfAddress = bounded("formOfAddress", formOfAddress, MAX_SHORT_TEXT);
        gender = bounded("gender", gender, 40);
        language = Objects.requireNonNullElse(language, "en").toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language must be a two- or three-letter code such as en, ko, tl; was \""
                    + language + "\"");
        }
        phone = bounded("phone", phone, 32);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("phone may hold digits, spaces, + ( ) . - only; was \"" + phone + "\"");
        }
        email = bounded("email", email, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("not an email address: \"" + email + "\"");
        }
        company = bounded("company", company, MAX_SHORT_TEXT);
        industry = bounded("industry", industry, MAX_SHORT_TEXT);
        occupation = bounded("occupation", occupation, MAX_SHORT_TEXT);
        position = bounded("position", position, MAX_SHORT_TEXT);
        needs = bounded("needs", needs, MAX_LONG_TEXT);
        painPoints = bounded("painPoints", painPoints, MAX_LONG_TEXT);
        notes = bounded("notes", notes, MAX_LONG_TEXT);
        tone = Objects.requireNonNullElse(tone, Tone.FORMAL);
        sourceChannel = bounded("sourceChannel", sourceChannel, MAX_SHORT_TEXT);
    }

    /** A profile that knows only a name and a language, as a first message gives it. */
    public static CustomerProfile named(String displayName, String language) {
        return builder().displayName(displayName).language(language).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static String bounded(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return stripped;
    }

    /** Builds a profile field by field; unset fields are unknown. */
    public static final class Builder {
        private String displayName;
        private String formOfAddress;
        private String gender;
        private Birthday birthday;
        private String language;
        private ZoneId zone;
        private String phone;
        private String email;
        private String company;
        private String industry;
        private String occupation;
        private String position;
        private String needs;
        private String painPoints;
        private String notes;
        private Tone tone;
        private String sourceChannel;
        private Long introducerId;
        private OpportunityTier tier;
        private Long responsibleStaffId;

        private Builder() {
        }

        private Builder(CustomerProfile profile) {
            displayName = profile.displayName;
            formOfAddress = profile.formOfAddress;
            gender = profile.gender;
            birthday = profile.birthday;
            language = profile.language;
            zone = profile.zone;
            phone = profile.phone;
            email = profile.email;
            company = profile.company;
            industry = profile.industry;
            occupation = profile.occupation;
            position = profile.position;
            needs = profile.needs;
            painPoints = profile.painPoints;
            notes = profile.notes;
            tone = profile.tone;
            sourceChannel = profile.sourceChannel;
            introducerId = profile.introducerId;
            tier = profile.tier;
            responsibleStaffId = profile.responsibleStaffId;
        }

        public Builder displayName(String value) {
            displayName = value;
            return this;
        }

        public Builder formOfAddress(String value) {
            formOfAddress = value;
            return this;
        }

        public Builder gender(String value) {
            gender = value;
            return this;
        }

        public Builder birthday(Birthday value) {
            birthday = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder zone(ZoneId value) {
            zone = value;
            return this;
        }

        public Builder phone(String value) {
            phone = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder company(String value) {
            company = value;
            return this;
        }

        public Builder industry(String value) {
            industry = value;
            return this;
        }

        public Builder occupation(String value) {
            occupation = value;
            return this;
        }

        public Builder position(String value) {
            position = value;
            return this;
        }

        public Builder needs(String value) {
            needs = value;
            return this;
        }

        public Builder painPoints(String value) {
            painPoints = value;
            return this;
        }

        public Builder notes(String value) {
            notes = value;
            return this;
        }

        public Builder tone(Tone value) {
            tone = value;
            return this;
        }

        public Builder sourceChannel(String value) {
            sourceChannel = value;
            return this;
        }

        public Builder introducerId(Long value) {
            introducerId = value;
            return this;
        }

        public Builder tier(OpportunityTier value) {
            tier = value;
            return this;
        }

        public Builder responsibleStaffId(Long value) {
            responsibleStaffId = value;
            return this;
        }

        public CustomerProfile build() {
            return new CustomerProfile(displayName, formOfAddress, gender, birthday, language, zone, phone, email,
                    company, industry, occupation, position, needs, painPoints, notes, tone, sourceChannel,
                    introducerId, tier, responsibleStaffId);
        }
    }
}
