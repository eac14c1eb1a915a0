package io.retainbot.core.port;

/**
 * The stores, all bound to one open transaction. Obtained only inside
 * {@link Transactor#inTransaction}; never kept beyond it.
 */
public interface StoreSession {
    CustomerStore customers();

    StaffStore staff();

    StaffAccountStore staffAccounts();

    OwnershipStore ownership();

    CustomerRecords customerRecords();

    ServiceReportStore serviceReports();

    InteractionLog interactions();

    InboxStore inbox();

    /** The inbox, conversation, customer, interaction and outbox statements of a customer event, combined. */
    EventIntake intake();

    OutboxStore outbox();

    ConversationStore conversations();

    SettingStore settings();

    CursorStore cursors();

    ComplaintStore complaints();

    FeedbackStore feedback();

    StaffPostStore staffPosts();

    WebChatStore webChat();

    FileStore files();

    /** The photos templates carry. */
    PhotoStore photos();

    EventStore events();

    SegmentStore segments();

    TemplateStore templates();

    OfferStore offers();

    CustomerPages customerPages();

    BroadcastStore broadcasts();

    OptOutStore optOuts();

    KnownIssueStore knownIssues();

    PersonalDataStore personalData();

    SalesStore sales();

    CheckInStore checkIns();

    ReviewStore reviews();

    ClusterStore clusters();

    /** Who changed segments, templates, broadcasts and greetings. */
    OutreachChangeStore outreachChanges();
}
