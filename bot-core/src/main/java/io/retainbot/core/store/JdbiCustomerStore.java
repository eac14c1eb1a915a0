package io.retainbot.core.store;

import static io.retainbot.core.store.JdbcStatements.instant;
import static io.retainbot.core.store.JdbcStatements.nullableInt;
import static io.retainbot.core.store.JdbcStatements.nullableLong;
import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Consent;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.port.CustomerStore;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

final class JdbiCustomerStore implements CustomerStore {
    /** The identity marked seen and the customer's last contact moved, in one statement; answers the customer. */
    static final String FIND_AND_MARK_SEEN = "with " + markSeen("") + "select " + CustomerDao.COLUMNS + " from c";
    /** A new customer, answered as stored, in one statement (first contact runs it). */
    static final String CREATE = """
            with c as (
                insert into customer (display_name, form_of_address, gender, birth_month, birth_day, birth_year,
                                      language, time_zone, phone, email, company, industry, occupation, position,
                                      needs, pain_points, notes, tone, source_channel, introducer_id, tier,
                                      responsible_staff_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning *
            )
            """ + "select " + CustomerDao.COLUMNS + " from c";
    static final String LINK = """
            insert into channel_identity (platform, user_id, customer_id, chat_id, display_name, created_at, last_seen_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (platform, user_id) do nothing
            """;
    /** A statement of its own after {@link #LINK}, so that it sees a link another transaction committed meanwhile. */
    static final String OWNER = "select customer_id from channel_identity where platform = ? and user_id = ?";

    /**
     * The {@code with} entries that mark a sender's identity seen and move its customer's last contact,
     * answering the customer as {@code c}; {@code condition} (SQL text of ours, never a value) is added
     * to the identity's {@code where}. Parameters: chat, display name, now, platform, user, now.
     */
    static String markSeen(String condition) {
        return """
                identity as (
                    update channel_identity
                    set chat_id = ?, display_name = coalesce(nullif(?, ''), display_name),
                        last_seen_at = greatest(last_seen_at, ?), unreachable_since = null, unreachable_reason = null
                    where platform = ? and user_id = ?""" + condition + """

                    returning customer_id
                ), c as (
                    update customer set last_contact_at = greatest(last_contact_at, ?)
                    where id = (select customer_id from identity)
                    returning *
                )
                """;
    }

    private final JdbcStatements statements;
    private final Supplier<CustomerDao> daos;

    JdbiCustomerStore(JdbcStatements statements, Supplier<CustomerDao> daos) {
        this.statements = statements;
        this.daos = daos;
    }

    @Override
    public Customer create(CustomerProfile profile, Instant now) {
        CustomerDao.ProfileRow row = toRow(profile);
        return statements.first(CREATE, JdbiCustomerStore::row, row.displayName(), row.formOfAddress(), row.gender(),
                row.birthMonth(), row.birthDay(), row.birthYear(), row.language(), row.timeZone(), row.phone(),
                row.email(), row.company(), row.industry(), row.occupation(), row.position(), row.needs(),
                row.painPoints(), row.notes(), row.tone(), row.sourceChannel(), row.introducerId(), row.tier(),
                row.responsibleStaffId(), now, now).map(JdbiCustomerStore::toCustomer).orElseThrow();
    }

    @Override
    public Optional<Customer> find(long customerId) {
        return dao().find(customerId).map(JdbiCustomerStore::toCustomer);
    }

    @Override
    public Optional<Customer> findByIdentity(Platform platform, String userId) {
        return dao().findByIdentity(platform.code(), userId).map(JdbiCustomerStore::toCustomer);
    }

    @Override
    public Optional<Customer> update(long customerId, CustomerProfile profile, Instant now) {
        if (dao().update(customerId, toRow(profile), now) == 0) {
            return Optional.empty();
        }
        return find(customerId);
    }

    @Override
    public long link(long customerId, Platform platform, String userId, String chatId, String displayName,
                     Instant now) {
        statements.update(LINK, platform.code(), withoutNul(userId), customerId, withoutNul(chatId),
                withoutNul(displayName), now, now);
        return statements.first(OWNER, row -> row.getLong(1), platform.code(), withoutNul(userId)).orElseThrow();
    }

    @Override
    public List<ChannelIdentity> identities(long customerId) {
        return dao().identities(customerId).stream().map(JdbiCustomerStore::toIdentity).toList();
    }

    @Override
    public Optional<ChannelIdentity> identity(Platform platform, String userId) {
        return dao().identity(platform.code(), userId).map(JdbiCustomerStore::toIdentity);
    }

    @Override
    public Optional<Customer> findAndMarkSeen(Platform platform, String userId, String chatId, String displayName,
                                              Instant now) {
        return statements.first(FIND_AND_MARK_SEEN, JdbiCustomerStore::row, withoutNul(chatId),
                JdbcStatements.text(withoutNul(displayName)), now, platform.code(), userId, now)
                .map(JdbiCustomerStore::toCustomer);
    }

    @Override
    public void seen(Platform platform, String userId, String chatId, String displayName, Instant now) {
        findAndMarkSeen(platform, userId, chatId, displayName, now);
    }

    @Override
    public void markUnreachable(ChannelRef channel, String reason, Instant now) {
        dao().markUnreachable(channel.platform().code(), channel.chatId(), withoutNul(reason), now);
    }

    @Override
    public void recordConsent(long customerId, boolean granted, String source, Instant now) {
        dao().recordConsent(customerId, granted, withoutNul(source), now);
    }

    @Override
    public void setLanguage(long customerId, String language, Instant now) {
        dao().setLanguage(customerId, language, now);
    }

    @Override
    public boolean setZoneIfNone(long customerId, ZoneId zone, Instant now) {
        return dao().setZoneIfNone(customerId, zone.getId(), now) > 0;
    }

    @Override
    public void setTone(long customerId, Tone tone, Instant now) {
        dao().setTone(customerId, tone.name().toLowerCase(Locale.ROOT), now);
    }

    @Override
    public void setBirthday(long customerId, Birthday birthday, Instant now) {
        dao().setBirthday(customerId, birthday.month(), birthday.day(), birthday.year(), now);
        dao().noteBirthdayAnswered(customerId, now);
    }

    @Override
    public boolean birthdayAsked(long customerId) {
        return dao().birthdayAsked(customerId);
    }

    @Override
    public void noteBirthdayAsked(long customerId, Instant now) {
        dao().noteBirthdayAsked(customerId, now);
    }

    @Override
    public boolean addTag(long customerId, Tag tag) {
        return dao().addTag(customerId, tag.name()) == 1;
    }

    @Override
    public boolean removeTag(long customerId, Tag tag) {
        return dao().removeTag(customerId, tag.name()) == 1;
    }

    @Override
    public List<Customer> search(CustomerQuery query) {
        String pattern = query.nameContains() == null ? null
                : "%" + likeEscaped(withoutNul(query.nameContains()).toLowerCase(Locale.ROOT)) + "%";
        return dao().search(pattern, query.tag() == null ? null : query.tag().name(),
                        query.tier() == null ? null : query.tier().code(), query.responsibleStaffId(),
                        query.phoneDigits(), query.limit(), query.offset())
                .stream().map(JdbiCustomerStore::toCustomer).toList();
    }

    @Override
    public List<Customer> withPhoneDigits(String digits, int limit) {
        String only = digits.replaceAll("[^0-9]", "");
        if (only.length() < 6) {
            return List.of();
        }
        return dao().withPhoneDigits(only, limit).stream().map(JdbiCustomerStore::toCustomer).toList();
    }

    @Override
    public Customer merge(long survivorId, long absorbedId, Instant now) {
        if (survivorId == absorbedId) {
            throw new IllegalArgumentException("cannot merge customer " + survivorId + " into itself");
        }
        // Lock both in id order, so two merges of the same pair cannot deadlock.
        Customer first = lockExisting(Math.min(survivorId, absorbedId));
        Customer second = lockExisting(Math.max(survivorId, absorbedId));
        Customer survivor = first.id() == survivorId ? first : second;
        Customer absorbed = first.id() == absorbedId ? first : second;

        dao().update(survivorId, toRow(filledFrom(survivorId, survivor.profile(), absorbed.profile())), now);
        dao().mergeHistoryFields(survivorId, absorbedId, now);
        dao().moveIdentities(survivorId, absorbedId);
        dao().copyTags(survivorId, absorbedId);
        dao().moveInteractions(survivorId, absorbedId);
        dao().moveComplaints(survivorId, absorbedId);
        dao().moveConversations(survivorId, absorbedId);
        dao().moveSuggestions(survivorId, absorbedId);
        dao().moveHandoverRequests(survivorId, absorbedId);
        dao().moveOutbox(survivorId, absorbedId);
        dao().moveDomainEvents(survivorId, absorbedId);
        dao().moveOwnerChanges(survivorId, absorbedId);
        dao().moveOffers(survivorId, absorbedId);
        dao().moveIntroductions(survivorId, absorbedId);
        dao().dropDeliveries(absorbedId);
        dao().delete(absorbedId);
        return find(survivorId).orElseThrow();
    }

    private Customer lockExisting(long id) {
        return dao().lock(id).map(JdbiCustomerStore::toCustomer)
                .orElseThrow(() -> new IllegalArgumentException("no customer " + id));
    }

    /** The survivor's profile, with every fact it lacks taken from the absorbed one. */
    private static CustomerProfile filledFrom(long survivorId, CustomerProfile survivor, CustomerProfile absorbed) {
        CustomerProfile.Builder merged = survivor.toBuilder();
        fill(survivor.displayName().isEmpty() ? null : survivor.displayName(), absorbed.displayName(),
                merged::displayName);
        fill(survivor.formOfAddress(), absorbed.formOfAddress(), merged::formOfAddress);
        fill(survivor.gender(), absorbed.gender(), merged::gender);
        fill(survivor.birthday(), absorbed.birthday(), merged::birthday);
        fill(survivor.zone(), absorbed.zone(), merged::zone);
        fill(survivor.phone(), absorbed.phone(), merged::phone);
        fill(survivor.email(), absorbed.email(), merged::email);
        fill(survivor.company(), absorbed.company(), merged::company);
        fill(survivor.industry(), absorbed.industry(), merged::industry);
        fill(survivor.occupation(), absorbed.occupation(), merged::occupation);
        fill(survivor.position(), absorbed.position(), merged::position);
        fill(survivor.needs(), absorbed.needs(), merged::needs);
        fill(survivor.painPoints(), absorbed.painPoints(), merged::painPoints);
        fill(survivor.notes(), absorbed.notes(), merged::notes);
        fill(survivor.sourceChannel(), absorbed.sourceChannel(), merged::sourceChannel);
        if (absorbed.introducerId() != null && absorbed.introducerId() != survivorId) {
            fill(survivor.introducerId(), absorbed.introducerId(), merged::introducerId);
        }
        fill(survivor.tier(), absorbed.tier(), merged::tier);
        fill(survivor.responsibleStaffId(), absorbed.responsibleStaffId(), merged::responsibleStaffId);
        return merged.build();
    }

    private static <T> void fill(T survivorValue, T absorbedValue, Function<T, CustomerProfile.Builder> setter) {
        if (survivorValue == null && absorbedValue != null) {
            setter.apply(absorbedValue);
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static CustomerDao.ProfileRow toRow(CustomerProfile profile) {
        Birthday birthday = profile.birthday();
        return new CustomerDao.ProfileRow(withoutNul(profile.displayName()), withoutNul(profile.formOfAddress()),
                withoutNul(profile.gender()), birthday == null ? null : birthday.month(),
                birthday == null ? null : birthday.day(), birthday == null ? null : birthday.year(),
                profile.language(), profile.zone() == null ? null : profile.zone().getId(), profile.phone(),
                withoutNul(profile.email()), withoutNul(profile.company()), withoutNul(profile.industry()),
                withoutNul(profile.occupation()), withoutNul(profile.position()), withoutNul(profile.needs()),
                withoutNul(profile.painPoints()), withoutNul(profile.notes()),
                profile.tone().name().toLowerCase(Locale.ROOT), withoutNul(profile.sourceChannel()),
                profile.introducerId(), profile.tier() == null ? null : profile.tier().code(),
                profile.responsibleStaffId());
    }

    private CustomerDao dao() {
        return daos.get();
    }

    /** A row of {@link CustomerDao#COLUMNS}, read in their order. */
    private static CustomerDao.Row row(ResultSet row) throws SQLException {
        return row(row, 1);
    }

    /** The customer in the {@link CustomerDao#COLUMNS} that start at column {@code first}. */
    static CustomerDao.Row row(ResultSet row, int first) throws SQLException {
        int at = first - 1;
        Array tags = row.getArray(at + 30);
        return new CustomerDao.Row(row.getLong(at + 1), row.getString(at + 2), row.getString(at + 3),
                row.getString(at + 4), nullableInt(row, at + 5), nullableInt(row, at + 6), nullableInt(row, at + 7),
                row.getString(at + 8), row.getString(at + 9), row.getString(at + 10), row.getString(at + 11),
                row.getString(at + 12), row.getString(at + 13), row.getString(at + 14), row.getString(at + 15),
                row.getString(at + 16), row.getString(at + 17), row.getString(at + 18), row.getString(at + 19),
                row.getString(at + 20), nullableLong(row, at + 21), row.getString(at + 22), nullableLong(row, at + 23),
                row.getBoolean(at + 24), instant(row, at + 25), row.getString(at + 26), instant(row, at + 27),
                instant(row, at + 28), instant(row, at + 29),
                tags == null ? new String[0] : (String[]) tags.getArray());
    }

    static Customer toCustomer(CustomerDao.Row row) {
        CustomerProfile profile = CustomerProfile.builder()
                .displayName(row.displayName())
                .formOfAddress(row.formOfAddress())
                .gender(row.gender())
                .birthday(row.birthMonth() == null ? null
                        : new Birthday(row.birthMonth(), row.birthDay(), row.birthYear()))
                .language(row.language())
                .zone(row.timeZone() == null ? null : ZoneId.of(row.timeZone()))
                .phone(row.phone())
                .email(row.email())
                .company(row.company())
                .industry(row.industry())
                .occupation(row.occupation())
                .position(row.position())
                .needs(row.needs())
                .painPoints(row.painPoints())
                .notes(row.notes())
                .tone(Tone.valueOf(row.tone().toUpperCase(Locale.ROOT)))
                .sourceChannel(row.sourceChannel())
                .introducerId(row.introducerId())
                .tier(row.tier() == null ? null : OpportunityTier.fromCode(row.tier()))
                .responsibleStaffId(row.responsibleStaffId())
                .build();
        Consent consent = row.consentAnsweredAt() == null ? Consent.UNANSWERED
                : new Consent(row.consentGranted(), row.consentAnsweredAt(), row.consentSource());
        List<Tag> tags = Arrays.stream(row.tags()).map(Tag::new).toList();
        return new Customer(row.id(), profile, consent, tags, row.createdAt(), row.updatedAt(), row.lastContactAt());
    }

    static ChannelIdentity toIdentity(CustomerDao.IdentityRow row) {
        return new ChannelIdentity(Platform.fromCode(row.platform()), row.userId(), row.customerId(), row.chatId(),
                row.displayName(), row.unreachableSince(), row.unreachableReason(), row.createdAt(),
                row.lastSeenAt());
    }
}
