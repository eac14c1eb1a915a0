package io.retainbot.core.chat;

import java.util.Objects;

/**
 * Who sent an event, as the platform knows them.
 *
 * @param platformUserId the platform's stable user id (Telegram user id, Discord snowflake, web visitor id)
 * @param displayName    the name the platform shows, may be empty
 * @param languageHint   the platform's language tag for the user (BCP 47, e.g. "ko", "en-US"), may be empty
 * @param zoneHint       the user's time zone as the platform knows it (an IANA name such as "Asia/Manila": a
 *                       browser tells it, Telegram and Discord do not), may be empty
 */
public record Sender(String platformUserId, String displayName, String languageHint, String zoneHint) {
    public Sender {
        if (platformUserId == null || platformUserId.isBlank()) {
            throw new IllegalArgumentException("platformUserId must not be blank");
        }
        displayName = Objects.requireNonNullElse(displayName, "");
        languageHint = Objects.requireNonNullElse(languageHint, "");
        zoneHint = Objects.requireNonNullElse(zoneHint, "");
    }

    /** A sender whose platform does not tell their time zone. */
    public Sender(String platformUserId, String displayName, String languageHint) {
        this(platformUserId, displayName, languageHint, "");
    }
}
