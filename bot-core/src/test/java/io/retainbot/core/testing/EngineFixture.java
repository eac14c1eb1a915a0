package io.retainbot.core.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintAttachment;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.flow.Dialogue;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.EraseOnRequest;
import io.retainbot.core.reaction.MoveToAfterSales;
import io.retainbot.core.reaction.PingStaff;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.ReopenOnLowScore;
import io.retainbot.core.reaction.ShowPhotosToStaff;
import io.retainbot.core.reaction.ShowStaffProgress;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.usecase.Reviews;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A conversation engine on a real test database, with a movable clock, a recording Telegram
 * gateway and a dispatcher that sends synchronously, for transcript tests.
 */
public final class EngineFixture {
    private final Transactor transactor;
    private final MutableClock clock;
    private final RecordingGateway gateway;
    private final OutboxDispatcher dispatcher;
    private final ConversationEngine engine;
    private final BusinessConfig business;
    private final ReactionRelay relay;
    private final EventSink sink;

    private EngineFixture(Transactor transactor, MutableClock clock, BusinessConfig business) {
        this(transactor, clock, business, Reactions.none(), BotContactPolicy.DEFAULT);
    }

    private EngineFixture(Transactor transactor, MutableClock clock, BusinessConfig business, Reactions reactions,
                          BotContactPolicy botContact) {
        this(transactor, clock, business, reactions, botContact,
                new StaffChats(Messages.builtIn(), business, Messages.FALLBACK, List.of()), false, Stages.DEFAULT, null);
    }

    private EngineFixture(Transactor transactor, MutableClock clock, BusinessConfig business, Reactions reactions,
                          BotContactPolicy botContact, StaffChats staffChats, boolean runReactions, Stages stages,
                          Reviews reviews) {
        this.transactor = transactor;
        this.business = business;
        this.clock = clock;
        this.gateway = new RecordingGateway(Platform.TELEGRAM);
        this.dispatcher = new OutboxDispatcher(transactor, List.of(gateway), Runnable::run, 4, clock,
                new SimpleMeterRegistry());
        this.engine = new ConversationEngine(transactor, Messages.builtIn(), business, staffChats, clock, () -> { },
                reactions, botContact, stages, reviews);
        this.relay = runReactions ? new ReactionRelay(transactor, reactions, clock) : null;
        this.sink = relay == null ? engine : event -> {
            EventSink.Receipt receipt = engine.accept(event);
            relay.runDue();
            return receipt;
        };
    }

    /**
     * An engine for the default demo shop with the Telegram staff group {@code staffChat}: new complaints,
     * requests for a person and low scores ping it, and its pings follow the complaints, through the real
     * reactions, which run after every event a transcript sends; staff texts in {@code staffLanguage}.
     */
    public static EngineFixture withStaffChat(TestDatabase db, MutableClock clock, ChannelRef staffChat,
                                              String staffLanguage) {
        return withStaffChat(db, clock, BusinessConfig.defaults(), staffChat, staffLanguage);
    }

    /** {@link #withStaffChat(TestDatabase, MutableClock, ChannelRef, String)} for {@code business}. */
    public static EngineFixture withStaffChat(TestDatabase db, MutableClock clock, BusinessConfig business,
                                              ChannelRef staffChat, String staffLanguage) {
        StaffChats staffChats = new StaffChats(Messages.builtIn(), business, staffLanguage, List.of(staffChat));
        Reactions reactions = Reactions.of(new ReopenOnLowScore(staffChats.texts()), new PingStaff(staffChats),
                new EraseOnRequest(staffChats),
                new ShowStaffProgress(staffChats), new ShowPhotosToStaff(staffChats));
        return new EngineFixture(db.database().transactor(), clock, business, reactions, BotContactPolicy.DEFAULT,
                staffChats, true, Stages.DEFAULT, null);
    }

    /**
     * {@link #withStaffChat(TestDatabase, MutableClock, ChannelRef, String)} whose staff chat presses the weekly
     * review lists' buttons of {@code reviews} (made for this fixture's transactor and {@code staffChats}).
     */
    public static EngineFixture withReviewButtons(TestDatabase db, MutableClock clock, ChannelRef staffChat,
                                                  String staffLanguage,
                                                  java.util.function.Function<StaffChats, Reviews> reviews) {
        BusinessConfig business = BusinessConfig.defaults();
        StaffChats staffChats = new StaffChats(Messages.builtIn(), business, staffLanguage, List.of(staffChat));
        Reactions reactions = Reactions.of(new ReopenOnLowScore(staffChats.texts()), new PingStaff(staffChats),
                new EraseOnRequest(staffChats), new ShowStaffProgress(staffChats));
        return new EngineFixture(db.database().transactor(), clock, business, reactions, BotContactPolicy.DEFAULT,
                staffChats, true, Stages.DEFAULT, reviews.apply(staffChats));
    }

    /**
     * {@link #withStaffChat(TestDatabase, MutableClock, ChannelRef, String)} for a business with {@code stages}
     * (staff set them with {@code /stage}; a complaint moves a customer to after-sales, and a stage's
     * responsible staff take the customer over).
     */
    public static EngineFixture withStaffChat(TestDatabase db, MutableClock clock, ChannelRef staffChat,
                                              String staffLanguage, Stages stages) {
        BusinessConfig business = BusinessConfig.defaults();
        StaffChats staffChats = new StaffChats(Messages.builtIn(), business, staffLanguage, List.of(staffChat));
        Reactions reactions = Reactions.of(new ReopenOnLowScore(staffChats.texts()), new PingStaff(staffChats),
                new EraseOnRequest(staffChats), new ShowStaffProgress(staffChats), new ShowPhotosToStaff(staffChats),
                new MoveToAfterSales(stages));
        return new EngineFixture(db.database().transactor(), clock, business, reactions, BotContactPolicy.DEFAULT,
                staffChats, true, stages, null);
    }

    /** A staff member working from Telegram as {@code userId}. */
    public StaffMember staff(String name, StaffRole role, String userId) {
        return transactor.inTransaction(session -> {
            StaffMember added = session.staff().add(name, role, clock.instant());
            session.staff().link(added.id(), new StaffIdentity(Platform.TELEGRAM, userId, userId));
            return session.staff().find(added.id()).orElseThrow();
        });
    }

    /** What {@code userId} (staff or not) sees and does in the staff chat {@code staffChat}. */
    public ChatTranscript inStaffChat(ChannelRef staffChat, String userId, String name) {
        return new ChatTranscript(sink, dispatcher, gateway, staffChat, new Sender(userId, name, "en"), clock);
    }

    /** Runs the reactions that are due now (after the clock moved past a retry). */
    public int runReactions() {
        return relay == null ? 0 : relay.runDue();
    }

    /** An engine for the default demo shop on {@code clock}, whose domain events go to {@code reactions}. */
    public static EngineFixture withReactions(TestDatabase db, MutableClock clock, Reactions reactions,
                                              BotContactPolicy botContact) {
        return new EngineFixture(db.database().transactor(), clock, BusinessConfig.defaults(), reactions, botContact);
    }

    /** An engine for {@code business} on {@code clock}, whose domain events go to {@code reactions}. */
    public static EngineFixture withReactions(TestDatabase db, MutableClock clock, BusinessConfig business,
                                              Reactions reactions, BotContactPolicy botContact) {
        return new EngineFixture(db.database().transactor(), clock, business, reactions, botContact);
    }

    /**
     * The shop most transcripts talk to: "Demo Shop" in Seoul (Mon-Fri 09-18, Sat 10-14) on Monday 2026-11-23 at
     * 15:20 (06:20 UTC), on a database emptied first.
     */
    public static EngineFixture mondayInSeoul(TestDatabase db) {
        db.truncateAll();
        return start(db, "2026-11-23T06:20:00Z", "Asia/Seoul");
    }

    /** An engine for "Demo Shop" in {@code zone} (Mon-Fri 09-18, Sat 10-14), the clock at {@code instant}. */
    public static EngineFixture start(TestDatabase db, String instant, String zone) {
        BusinessConfig defaults = BusinessConfig.defaults();
        BusinessConfig business = new BusinessConfig("Demo Shop", ZoneId.of(zone), defaults.hours(), defaults.holidays(),
                defaults.categories(), defaults.promise(), defaults.referrals(), defaults.templates());
        return new EngineFixture(db.database().transactor(), new MutableClock(Instant.parse(instant)), business);
    }

    public static EngineFixture start(TestDatabase db, BusinessConfig business, String instant) {
        return new EngineFixture(db.database().transactor(), new MutableClock(Instant.parse(instant)), business);
    }

    /** A Telegram private chat with user {@code userId} (chat id = user id, as on Telegram). */
    public ChatTranscript chat(String userId, String name, String languageHint) {
        return new ChatTranscript(sink, dispatcher, gateway, channel(userId), new Sender(userId, name, languageHint),
                clock);
    }

    /** A chat past the greeting (consent declined), with nothing unread. */
    public ChatTranscript readyChat(String userId, String name) {
        return chat(userId, name, "en").user("/start").press("No, thank you").skipUnread();
    }

    public static ChannelRef channel(String userId) {
        return new ChannelRef(Platform.TELEGRAM, userId);
    }

    /** The customer file of the Telegram user who wrote as {@code userId}. */
    public Customer customerOf(String userId) {
        return transactor.inTransaction(session -> session.customers()
                .findByIdentity(Platform.TELEGRAM, userId).orElseThrow());
    }

    /** Files a complaint through {@code chat}'s form (the bot's answers skipped); returns its reference. */
    public String fileComplaint(ChatTranscript chat, String userId, String category, String description) {
        chat.submitForm(Dialogue.COMPLAINT_FORM, java.util.Map.of("category", category, "description", description))
                .skipUnread();
        return complaintsOf(userId).stream().map(Complaint::ref)
                .max(java.util.Comparator.comparingLong(io.retainbot.core.complaint.ComplaintRef::number))
                .orElseThrow().toString();
    }

    public List<Complaint> complaintsOf(String userId) {
        return transactor.inTransaction(session -> session.customers()
                .findByIdentity(Platform.TELEGRAM, userId)
                .map(customer -> session.complaints().forCustomer(customer.id(), 100))
                .orElse(List.of()));
    }

    public List<ComplaintAttachment> attachmentsOf(Complaint complaint) {
        return transactor.inTransaction(session -> session.complaints().attachments(complaint.id()));
    }

    public BusinessConfig business() {
        return business;
    }

    public ConversationEngine engine() {
        return engine;
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    public RecordingGateway gateway() {
        return gateway;
    }

    public MutableClock clock() {
        return clock;
    }

    public Transactor transactor() {
        return transactor;
    }
}
