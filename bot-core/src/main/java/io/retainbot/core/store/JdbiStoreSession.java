package io.retainbot.core.store;

import io.retainbot.core.port.BroadcastStore;
import io.retainbot.core.port.CheckInStore;
import io.retainbot.core.port.ClusterStore;
import io.retainbot.core.port.ComplaintStore;
import io.retainbot.core.port.ConversationStore;
import io.retainbot.core.port.CursorStore;
import io.retainbot.core.port.CustomerPages;
import io.retainbot.core.port.CustomerRecords;
import io.retainbot.core.port.CustomerStore;
import io.retainbot.core.port.EventIntake;
import io.retainbot.core.port.EventStore;
import io.retainbot.core.port.FeedbackStore;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.PhotoStore;
import io.retainbot.core.port.InboxStore;
import io.retainbot.core.port.InteractionLog;
import io.retainbot.core.port.KnownIssueStore;
import io.retainbot.core.port.OfferStore;
import io.retainbot.core.port.OptOutStore;
import io.retainbot.core.port.OutboxStore;
import io.retainbot.core.port.OwnershipStore;
import io.retainbot.core.port.PersonalDataStore;
import io.retainbot.core.port.ReviewStore;
import io.retainbot.core.port.SalesStore;
import io.retainbot.core.port.SegmentStore;
import io.retainbot.core.port.ServiceReportStore;
import io.retainbot.core.port.SettingStore;
import io.retainbot.core.port.OutreachChangeStore;
import io.retainbot.core.port.StaffAccountStore;
import io.retainbot.core.port.StaffPostStore;
import io.retainbot.core.port.StaffStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.TemplateStore;
import io.retainbot.core.port.WebChatStore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Every store bound to one open handle; created per transaction and never shared. Each store is
 * made once per transaction, and its SqlObject DAO is attached only when a call needs it: the
 * statements every event runs go through {@link JdbcStatements} and need no DAO at all.
 */
final class JdbiStoreSession implements StoreSession {
    private final Handle handle;
    private final JdbcStatements statements;
    private final Map<Class<?>, Object> stores = new HashMap<>();

    JdbiStoreSession(Handle handle) {
        this.handle = handle;
        this.statements = new JdbcStatements(handle);
    }

    @Override
    public CustomerStore customers() {
        return store(CustomerStore.class, () -> new JdbiCustomerStore(statements, attachOnUse(CustomerDao.class)));
    }

    @Override
    public StaffStore staff() {
        return store(StaffStore.class, () -> new JdbiStaffStore(handle.attach(StaffDao.class)));
    }

    @Override
    public CustomerRecords customerRecords() {
        return store(CustomerRecords.class, () -> new JdbiCustomerRecords(handle.attach(CustomerRecordsDao.class)));
    }

    @Override
    public ServiceReportStore serviceReports() {
        return store(ServiceReportStore.class, () -> new JdbiServiceReportStore(handle.attach(ServiceReportDao.class)));
    }

    @Override
    public OwnershipStore ownership() {
        return store(OwnershipStore.class, () -> new JdbiOwnershipStore(handle.attach(OwnershipDao.class)));
    }

    @Override
    public InteractionLog interactions() {
        return store(InteractionLog.class,
                () -> new JdbiInteractionLog(statements, attachOnUse(InteractionDao.class)));
    }

    @Override
    public EventIntake intake() {
        return store(EventIntake.class, () -> new JdbiEventIntake(statements));
    }

    @Override
    public InboxStore inbox() {
        return store(InboxStore.class, () -> new JdbiInboxStore(statements, attachOnUse(InboxDao.class)));
    }

    @Override
    public OutboxStore outbox() {
        return store(OutboxStore.class, () -> new JdbiOutboxStore(statements, attachOnUse(OutboxDao.class)));
    }

    @Override
    public ConversationStore conversations() {
        return store(ConversationStore.class,
                () -> new JdbiConversationStore(statements, attachOnUse(ConversationDao.class), this::conversationSaved));
    }

    @Override
    public SettingStore settings() {
        return store(SettingStore.class, () -> new JdbiSettingStore(handle.attach(SettingDao.class)));
    }

    @Override
    public CursorStore cursors() {
        return store(CursorStore.class, () -> new JdbiCursorStore(handle.attach(CursorDao.class)));
    }

    @Override
    public ComplaintStore complaints() {
        return store(ComplaintStore.class, () -> new JdbiComplaintStore(statements, attachOnUse(ComplaintDao.class)));
    }

    @Override
    public FeedbackStore feedback() {
        return store(FeedbackStore.class, () -> new JdbiFeedbackStore(handle.attach(FeedbackDao.class)));
    }

    @Override
    public EventStore events() {
        return store(EventStore.class, () -> new JdbiEventStore(statements, attachOnUse(EventDao.class)));
    }

    @Override
    public StaffPostStore staffPosts() {
        return store(StaffPostStore.class, () -> new JdbiStaffPostStore(handle.attach(StaffPostDao.class)));
    }

    @Override
    public WebChatStore webChat() {
        return store(WebChatStore.class, () -> new JdbiWebChatStore(handle.attach(WebChatDao.class), customers()));
    }

    @Override
    public FileStore files() {
        return store(FileStore.class, () -> new JdbiFileStore(handle.attach(FileDao.class)));
    }

    @Override
    public PhotoStore photos() {
        return store(PhotoStore.class, () -> new JdbiPhotoStore(handle.attach(PhotoDao.class)));
    }

    /** The engine's intake remembers the conversation it read; a save by the conversation store outdates it. */
    private void conversationSaved() {
        if (stores.get(EventIntake.class) instanceof JdbiEventIntake intake) {
            intake.forgetStored();
        }
    }

    /** The port's store of this transaction, made on first use (making one may ask for another). */
    private <T> T store(Class<T> port, Supplier<? extends T> create) {
        Object made = stores.get(port);
        if (made == null) {
            made = create.get();
            stores.put(port, made);
        }
        return port.cast(made);
    }

    /** The DAO, attached to this handle on first use and kept for the rest of the transaction. */
    private <T> Supplier<T> attachOnUse(Class<T> dao) {
        return new Supplier<>() {
            private T attached;

            @Override
            public T get() {
                if (attached == null) {
                    attached = handle.attach(dao);
                }
                return attached;
            }
        };
    }

    @Override
    public SegmentStore segments() {
        return store(SegmentStore.class, () -> new JdbiSegmentStore(handle.attach(SegmentDao.class)));
    }

    @Override
    public TemplateStore templates() {
        return store(TemplateStore.class, () -> new JdbiTemplateStore(handle.attach(TemplateDao.class)));
    }

    @Override
    public OfferStore offers() {
        return store(OfferStore.class, () -> new JdbiOfferStore(handle.attach(OfferDao.class)));
    }

    @Override
    public BroadcastStore broadcasts() {
        return store(BroadcastStore.class, () -> new JdbiBroadcastStore(handle.attach(BroadcastDao.class)));
    }

    @Override
    public OptOutStore optOuts() {
        return store(OptOutStore.class, () -> new JdbiOptOutStore(handle.attach(OptOutDao.class)));
    }

    @Override
    public CustomerPages customerPages() {
        return store(CustomerPages.class, () -> new JdbiCustomerPages(handle.attach(CustomerDao.class)));
    }

    @Override
    public KnownIssueStore knownIssues() {
        return store(KnownIssueStore.class,
                () -> new JdbiKnownIssueStore(statements, attachOnUse(KnownIssueDao.class)));
    }

    @Override
    public PersonalDataStore personalData() {
        return store(PersonalDataStore.class, () -> new JdbiPersonalDataStore(handle));
    }

    @Override
    public StaffAccountStore staffAccounts() {
        return store(StaffAccountStore.class, () -> new JdbiStaffAccountStore(handle.attach(StaffAccountDao.class)));
    }

    @Override
    public OutreachChangeStore outreachChanges() {
        return store(OutreachChangeStore.class, () -> new JdbiOutreachChangeStore(handle.attach(OutreachChangeDao.class)));
    }

    @Override
    public SalesStore sales() {
        return store(SalesStore.class, () -> new JdbiSalesStore(handle));
    }

    @Override
    public CheckInStore checkIns() {
        return store(CheckInStore.class, () -> new JdbiCheckInStore(handle));
    }

    @Override
    public ReviewStore reviews() {
        return store(ReviewStore.class, () -> new JdbiReviewStore(handle));
    }

    @Override
    public ClusterStore clusters() {
        return store(ClusterStore.class, () -> new JdbiClusterStore(handle));
    }
}
