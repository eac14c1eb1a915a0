package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The customer file: profiles, consent, tags, and the platform identities customers are reached on. */
public interface CustomerStore {
    Customer create(CustomerProfile profile, Instant now);

    Optional<Customer> find(long customerId);

    /** The customer a platform user belongs to. */
    Optional<Customer> findByIdentity(Platform platform, String userId);

    /** Replaces the profile; returns the customer as stored, or empty if there is no such customer. */
    Optional<Customer> update(long customerId, CustomerProfile profile, Instant now);

    /**
     * Links a platform user to a customer. Returns the customer the user belongs to afterwards: this
     * one, or the one they already belonged to (a platform user never moves silently; use {@link #merge}).
     */
    long link(long customerId, Platform platform, String userId, String chatId, String displayName, Instant now);

    List<ChannelIdentity> identities(long customerId);

    Optional<ChannelIdentity> identity(Platform platform, String userId);

    /**
     * The customer a platform user belongs to, with the user noted as {@linkplain #seen seen} now;
     * empty (and nothing changed) when the user belongs to no customer yet. One step, because every
     * inbound event does both.
     */
    Optional<Customer> findAndMarkSeen(Platform platform, String userId, String chatId, String displayName,
                                       Instant now);

    /** The user wrote again: note the time, their current chat and name, and that they are reachable. */
    void seen(Platform platform, String userId, String chatId, String displayName, Instant now);

    /** A send to this chat found the user unreachable (blocked the bot, deleted account). */
    void markUnreachable(ChannelRef channel, String reason, Instant now);

    void recordConsent(long customerId, boolean granted, String source, Instant now);

    void setLanguage(long customerId, String language, Instant now);

    /**
     * The customer's time zone as their platform names it, kept only when their file has none and staff did not
     * clear it (a profile saved without the zone it had: the customer follows the business's zone from then on).
     * Returns whether it was kept.
     */
    boolean setZoneIfNone(long customerId, ZoneId zone, Instant now);

    /** How the customer wants to be addressed, as they chose it in the chat. */
    void setTone(long customerId, Tone tone, Instant now);

    /** Keeps the birthday the customer gave in chat (and that they answered the question, if they were asked). */
    void setBirthday(long customerId, Birthday birthday, Instant now);

    /** Whether the customer was ever asked in chat for their birthday. */
    boolean birthdayAsked(long customerId);

    /** Notes that the customer was asked for their birthday (once: a second note changes nothing). */
    void noteBirthdayAsked(long customerId, Instant now);

    /** Returns whether the tag was new to the customer. */
    boolean addTag(long customerId, Tag tag);

    /** Returns whether the customer had the tag. */
    boolean removeTag(long customerId, Tag tag);

    List<Customer> search(CustomerQuery query);

    /**
     * Customers whose phone number, digits only, ends with {@code digits} (or is the end of them: a number
     * stored without its country code); fewer than six digits match nobody.
     */
    List<Customer> withPhoneDigits(String digits, int limit);

    /**
     * Merges {@code absorbedId} into {@code survivorId}: identities, tags, complaints, conversations
     * and history move to the survivor, facts the survivor lacks are taken over, and the absorbed
     * customer is removed. Returns the survivor as stored.
     *
     * @throws IllegalArgumentException if either customer does not exist or they are the same
     */
    Customer merge(long survivorId, long absorbedId, Instant now);
}
